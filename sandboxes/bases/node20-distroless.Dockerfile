# Stand-in for gcr.io/distroless/nodejs20: only node, the shared libraries it links, CA
# certificates and the user database. No shell, no package manager, nothing to exec into.
ARG SLIM
FROM ${SLIM} AS collect
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
 && mkdir -p /rootfs/nodejs/bin /rootfs/etc/ssl/certs /rootfs/tmp /rootfs/home/node \
 && cp /usr/local/bin/node /rootfs/nodejs/bin/node \
 && ldd /usr/local/bin/node | grep -o '/[^ ]*' | xargs -I{} cp --parents -L {} /rootfs \
 && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/ \
 && printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnode:x:1000:1000:node:/home/node:/sbin/nologin\n' > /rootfs/etc/passwd \
 && printf 'root:x:0:\nnobody:x:65534:\nnode:x:1000:\n' > /rootfs/etc/group \
 && chown 1000:1000 /rootfs/home/node && chmod 1777 /rootfs/tmp

FROM scratch
COPY --from=collect /rootfs /
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
# Same layout as the official image: node at /nodejs/bin/node and as the entrypoint.
ENTRYPOINT ["/nodejs/bin/node"]
