# Stand-in for the official haproxy image, from Debian bookworm's haproxy package (2.6).
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends haproxy && rm -rf /var/lib/apt/lists/*
COPY haproxy.cfg /etc/haproxy/haproxy.cfg
USER haproxy
EXPOSE 8080 8404
# -db: stay in the foreground and log to stderr, so `docker logs` and `docker stop` work as for any service.
CMD ["haproxy", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
