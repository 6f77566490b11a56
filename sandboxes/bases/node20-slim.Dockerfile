# Stand-in for node:20-slim (no image registry is reachable here): a minimal Debian bookworm
# root file system from debootstrap, plus the official Node.js 20 binary and the npm release.
ARG MINBASE
FROM ${MINBASE}
COPY node/bin/node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /usr/share/doc/* /usr/share/man/* /usr/share/info/* \
 && node --version && npm --version
CMD ["node"]
