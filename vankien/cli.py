"""Command line: `build` (default), `check`, `serve`. Exit 0 on success, 1 on content
problems (all of them printed, with path:line:col and a hint; with `--strict` warnings
count too), 2 on bad usage, 3 on an internal error (a bug of ours, reported without a
traceback). `-q` prints errors only, `-v` adds the time of each stage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vankien import errors, i18n, importer, messages, pipeline, scaffold
from vankien.errors import BuildFailed, summary
from vankien.schema import ID_PATTERN
from vankien.vocabulary import KINDS, LEVELS


def _parser() -> argparse.ArgumentParser:
    report = argparse.ArgumentParser(add_help=False)  # build and check; SUPPRESS: given before or after the command
    report.add_argument("--strict", action="store_true", default=argparse.SUPPRESS, help="fail on warnings too")
    loudness = report.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    loudness.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="print stage times")
    parser = argparse.ArgumentParser(  # prog: build.py or vankien
        description="Build the vankien site from content/.", parents=[report]
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    commands = parser.add_subparsers(dest="command")
    build = commands.add_parser("build", help="build site/ (default)", parents=[report])
    build.add_argument("--output", type=Path, help="output folder (default: ROOT/site)")
    commands.add_parser("check", help="validate content without writing anything", parents=[report])
    new = commands.add_parser("new", help="start a document (ORG/DOC) or an organization (--org ID) from a template")
    new.add_argument("document", nargs="?", help="ORG/DOC, e.g. so-tttt-tphcm/dai-hoi-2027")
    new.add_argument("--kind", choices=list(KINDS), default="annual-program")
    new.add_argument("--year", type=int)
    new.add_argument("--term", help="roman numeral, e.g. VII (with --from and --to)")
    new.add_argument("--from", dest="start", type=int)
    new.add_argument("--to", dest="end", type=int)
    new.add_argument("--org", help="create content/organizations/ORG.yaml instead")
    new.add_argument("--level", choices=list(LEVELS), default="chi-doan")
    importing = commands.add_parser("import", help="a .docx or .txt document → content/documents/ORG/DOC.vi.md")
    importing.add_argument("source", type=Path)
    importing.add_argument("document", help="ORG/DOC, e.g. quan-doan-binh-tan/chuong-trinh-2024")
    importing.add_argument("--kind", choices=list(KINDS))
    translations = commands.add_parser(
        "translations", help="what is translated, missing or stale, per document and field"
    )
    translations.add_argument("--strict", action="store_true", help="exit 1 when any translation is stale")
    serve = commands.add_parser("serve", help="preview at http://127.0.0.1:8000, rebuilding as you type")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def main(argv: list[str]) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `build.py translations | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 141  # as a shell reports a command its pipe closed on (128 + SIGPIPE)
    except Exception as exc:  # a bug of ours: say so plainly; VANKIEN_DEBUG=1 shows the traceback
        if os.environ.get("VANKIEN_DEBUG"):
            raise
        print(messages.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 3


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    command = args.command or "build"
    if not root.is_dir():
        print(
            f"lỗi / error: không có thư mục dự án {root} / the project folder {root} does not exist\n"
            "    gợi ý: --root là thư mục chứa config.yaml và content/ (mặc định: thư mục hiện tại)\n"
            "    hint: --root is the folder holding config.yaml and content/ (default: the current folder)",
            file=sys.stderr,
        )
        return 1
    if command == "new":
        return _new(root, args)
    if command == "import":
        return _import(root, args)
    if command == "serve":
        from vankien.serve import serve

        return serve(root, host=args.host, port=args.port)
    stages = pipeline.BUILD_STAGES if command == "build" else pipeline.CHECK_STAGES
    output = getattr(args, "output", None)
    strict, quiet, verbose = (getattr(args, name, False) for name in ("strict", "quiet", "verbose"))
    strict = strict and command != "translations"  # there --strict means "exit 1 if a translation is stale"
    try:
        build = pipeline.run(root, output.resolve() if output else None, stages, strict=strict)
    except BuildFailed as failed:
        print(summary([p for p in failed.problems if not quiet or p.severity == "error"]), file=sys.stderr)
        return 1
    for warning in [] if quiet else build.warnings:
        print(warning.format(), file=sys.stderr)
    if command == "translations":
        table, stale = i18n.report(build.site, build.statuses)
        print(table)
        return 1 if stale and args.strict else 0
    if verbose:
        print(", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in build.timings.items()))
    if not quiet:
        _report(command, build)
    return 0


def _new(root: Path, args) -> int:
    try:
        if args.org:
            path = scaffold.new_organization(root, args.org, args.level)
        elif args.document and args.document.count("/") == 1:
            org, doc = args.document.split("/")
            path = scaffold.new_document(root, org, doc, args.kind, args.year, args.term, args.start, args.end)
        else:
            print("cần ORG/DOC hoặc --org ID / give ORG/DOC or --org ID", file=sys.stderr)
            return 2
    except scaffold.ScaffoldError as problem:
        print(f"lỗi / error: {problem}", file=sys.stderr)
        return 1
    shown = path.relative_to(root)
    print(f"Đã tạo / created {shown} — mở tệp, điền các trường, rồi `{errors.PROGRAM[0]} serve` để xem.")
    return 0


def _import(root: Path, args) -> int:
    org, slash, doc = args.document.partition("/")
    bad = [part for part in (org, doc) if not ID_PATTERN.match(part)]
    if not slash or bad or "/" in doc:
        print(
            f"lỗi / error: “{args.document}” không phải ORG/DOC hợp lệ / is not a valid ORG/DOC\n"
            "    Dùng hai mã ngắn chữ thường không dấu, nối bằng “-”, cách nhau một “/”, ví dụ "
            "quan-doan-binh-tan/chuong-trinh-2024 (không “..”, không đường dẫn tuyệt đối).\n"
            "    Use two short lower-case ASCII ids joined by “-”, separated by one “/”, e.g. "
            "quan-doan-binh-tan/chuong-trinh-2024 (no “..”, no absolute path).",
            file=sys.stderr,
        )
        return 2
    target = root / "content/documents" / org / f"{doc}.vi.md"
    if not args.source.is_file():
        print(f"lỗi / error: không có tệp / no such file: {args.source}", file=sys.stderr)
        return 1
    if target.exists():
        print(
            f"lỗi / error: {target.relative_to(root)} đã có, không ghi đè / already exists, not overwritten",
            file=sys.stderr,
        )
        return 1
    try:
        scaffold.require_organization(root, org)
    except scaffold.ScaffoldError as problem:
        print(f"lỗi / error: {problem}", file=sys.stderr)
        return 1
    if args.source.suffix.lower() not in (".docx", ".txt"):
        print(
            f"lỗi / error: {args.source}: chỉ nhập được .docx hoặc .txt (UTF-8) / only .docx or UTF-8 .txt can be "
            "imported — lưu lại từ Word / save it again from Word",
            file=sys.stderr,
        )
        return 1
    try:
        imported = importer.import_file(args.source, args.kind, importer.project_topics(root))
    except importer.SourceError as problem:
        vi, en = problem.args
        print(
            f"lỗi / error: không đọc được {args.source}: {vi} / cannot read it: {en}\n"
            "    Lưu lại dạng .docx hoặc văn bản UTF-8 / save it again as .docx or UTF-8 text.",
            file=sys.stderr,
        )
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(importer.render(imported), encoding="utf-8")
    print(f"Đã nhập / imported {target.relative_to(root)}: {importer.summary(imported)}.")
    print(
        f"Kiểm tra các trường ĐOÁN / GUESS, xóa chúng khỏi `guesses`, rồi chạy `{errors.PROGRAM[0]} check`. / "
        f"Check the fields marked GUESS, delete them from `guesses`, then run `{errors.PROGRAM[0]} check`."
    )
    return 0


def _report(command: str, build: pipeline.Build) -> None:
    if command == "check":
        site = build.site
        counts = messages.COUNTS.format(documents=len(site.documents), organizations=len(site.organizations))
        print(messages.CONTENT_VALID.format(counts=counts))
        return
    figures = build.counts
    counts = messages.COUNTS.format(
        documents=figures.get("documents", 0), organizations=figures.get("organizations", 0)
    )
    if build.unchanged:
        print(messages.UNCHANGED.format(output=build.output, counts=counts, seconds=build.elapsed))
        return
    print(
        messages.BUILT.format(output=build.output, pages=figures.get("pages", 0), counts=counts, seconds=build.elapsed)
    )
