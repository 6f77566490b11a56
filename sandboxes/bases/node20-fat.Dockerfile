# Stand-in for node:20 (the "full" image): the slim stand-in plus the compilers, headers and
# tools the official image inherits from buildpack-deps:bookworm. That image sits on the full
# debian:bookworm, which keeps manuals, docs and translations, so drop the slim dpkg filter first:
# otherwise this stand-in would come out lighter than the image it stands in for.
ARG SLIM
FROM ${SLIM}
RUN rm /etc/dpkg/dpkg.cfg.d/docker-slim \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      autoconf automake bzip2 ca-certificates curl default-libmysqlclient-dev dpkg-dev file g++ gcc git gnupg imagemagick \
      libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev \
      libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev \
      libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev \
      libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt1-dev libyaml-dev make \
      mercurial netbase openssh-client patch procps python3 subversion unzip wget xz-utils zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
