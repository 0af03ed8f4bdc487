# The preview for an editor, in one command from the repository's folder (Docker installed):
#
#     docker compose up
#
# then open http://127.0.0.1:8000/ — every save under content/ (and templates/, static/) rebuilds
# the site and reloads the page; a mistake in the content shows in the browser. (compose.yaml
# builds this image and mounts those folders; a change to config.yaml needs a restart.)
# Without compose:  docker build -t vankien . && docker run --rm -p 127.0.0.1:8000:8000 \
#                     -v "$PWD/content:/vankien/content" vankien
FROM python:3.11-bookworm

# Node.js and npm for the fonts and the Pagefind indexer; make runs the same targets as on a
# developer's machine. Debian's own versions, unpinned as `make test` installs its packages: a
# pinned version vanishes from the archive with the next security update.
# hadolint ignore=DL3008
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make nodejs npm \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /vankien
# What `make site` installs, in a layer of its own: rebuilt only when the pins change.
COPY Makefile requirements.txt package.json package-lock.json ./
RUN make .venv/.site-deps node_modules/.installed
COPY . .
# Saves made on the host may not reach the container as file events: watch by polling.
ENV WATCHFILES_FORCE_POLLING=1
EXPOSE 8000
CMD ["make", "serve", "PREVIEW_HOST=0.0.0.0"]
