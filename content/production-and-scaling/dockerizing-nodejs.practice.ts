import type { PracticeCardInput } from "@/lib/practice/cards";

/**
 * Interview practice cards for lesson 10.4. The first five are the lesson's interview questions;
 * the rest drill other things the lesson teaches. Model answers are what a strong candidate would
 * say out loud in about two minutes; key points are what the learner grades themselves against.
 */
export const cards = [
  {
    id: "multi-stage-build",
    origin: "interview",
    question: "Why would you use a multi-stage build for a Node.js image, and what belongs in each stage?",
    modelAnswer: `A multi-stage build keeps the toolchain that produces the app out of the image that runs it. The build stage starts from a Node image, copies package.json and the lockfile, installs every dependency, dev ones included, then copies the source and runs the build (TypeScript, bundling). A separate stage that sees only the manifests produces the production-only node_modules with npm ci --omit=dev, so a code change never reinstalls it.

The final stage starts again from a small base, copies in only the built output and the production node_modules, sets NODE_ENV=production, switches to an unprivileged user and declares the entrypoint and health check. Compilers, dev dependencies, sources and caches stay behind in the discarded stage, so the image is smaller, pulls faster and gives a scanner far less to flag.`,
    keyPoints: [
      "Separates the build environment from the runtime environment",
      "Build stage installs all deps (incl. dev) and runs the build",
      "A production-only node_modules is produced (npm ci --omit=dev)",
      "Runtime stage starts from a fresh, small base and copies only the artifacts it needs",
      "Runtime stage sets NODE_ENV=production, a non-root user, entrypoint and health check",
      "Result: smaller image, faster pulls, smaller attack surface",
    ],
  },
  {
    id: "non-root-user",
    origin: "interview",
    question: "Why shouldn't a container run as root, and how do you fix that for a Node.js image?",
    modelAnswer: `Namespaces isolate a container, but not perfectly: a kernel bug, a careless volume mount or an overly privileged runtime setting can let a process reach the host, and if it is root inside it may be root outside: without user-namespace remapping, uid 0 in the container is uid 0 on the host (Docker documentation, 'Isolate containers with a user namespace'). Even without an escape, root inside means a compromised dependency can write anywhere the container can see.

The official Node images already contain an unprivileged user called node (docker-node's 'Best Practices' guide). Copy files with --chown=node:node so they belong to it without an extra chown layer, and put USER node before the command so the app never runs with root privileges. Image scanners and the CIS Docker Benchmark (recommendation 4.1) flag root containers straight away.`,
    keyPoints: [
      "Container isolation is imperfect; root inside can become root on the host after an escape",
      "Root also gives a compromised dependency full write access inside the container",
      "Official Node images ship an unprivileged node user",
      "USER node in the Dockerfile, before the app starts",
      "COPY --chown=node:node instead of a separate chown layer",
    ],
  },
  {
    id: "pid-1-and-tini",
    origin: "interview",
    question: "What is special about PID 1 in a container, and why do people put tini in front of Node.js?",
    modelAnswer: `The first process in a PID namespace gets two jobs the kernel gives no other process. Signals it has no handler for are not delivered with their default action, so a PID 1 without a SIGTERM handler simply keeps running. And it inherits orphaned children and must reap them, or they remain as zombies.

Node is not written to be an init process: as PID 1, unless your code registers a SIGTERM handler, docker stop waits out the grace period and then kills it, and it does not reap children it didn't spawn itself (the course's recordings show both). tini is a very small init that runs as PID 1, forwards signals to its child, reaps zombies and exits with the child's exit code (tini's README). You use it as ENTRYPOINT ["/usr/bin/tini", "--"] with node as the command; the path depends on how tini was installed (Debian's package puts it in /usr/bin, Alpine's in /sbin). Or use docker run --init, which injects Docker's bundled tini as /sbin/docker-init. Whatever sits at PID 1, check with a real docker stop what happens; this course's recordings show it.`,
    keyPoints: [
      "PID 1 does not get default signal actions: an unhandled SIGTERM is ignored",
      "PID 1 must reap orphaned/zombie processes",
      "With node itself as PID 1 and no handler, docker stop waits out the grace period, then SIGKILL (exit 137)",
      "tini runs as PID 1, forwards signals and reaps zombies",
      'ENTRYPOINT ["/usr/bin/tini", "--"] (path depends on the install) with CMD ["node", …], or docker run --init',
    ],
  },
  {
    id: "graceful-shutdown",
    origin: "interview",
    question: "How does a graceful shutdown work under Kubernetes, and what does the Node.js process have to do?",
    modelAnswer: `When a pod is deleted, Kubernetes marks it terminating and starts the grace period (terminationGracePeriodSeconds, 30 seconds by default). At the same time the control plane removes it from the Service's endpoints, which load balancers pick up over the next moments. The kubelet runs the preStop hook if there is one (its time counts against the grace period), then SIGTERM goes to PID 1 in each container; whatever is still running when the grace period ends gets SIGKILL (Kubernetes documentation, 'Pod Lifecycle').

In that window the process should: start failing its readiness check (for example /healthz returns 503) so stragglers stop routing to it; call server.close() so no new connections are accepted while in-flight requests finish; close database pools, flush logs and drain queues; then exit with code 0. A safety timer, unref'd and shorter than the grace period, forces an exit if something hangs. None of this runs unless SIGTERM actually reaches the handler, which is why PID 1 matters.

This course measured it behind a real load balancer (HAProxy, checking /healthz every {fact:balancerInterval}, out after {fact:balancerFall} failures): a rolling deploy of the optimized image failed {fact:rollingOptimizedFailed} of {fact:rollingOptimizedSent} requests, while the same app closing at once on SIGTERM, with no drain window, failed {fact:rollingNoDrainFailed} of {fact:rollingNoDrainSent}. The Kubernetes side (endpoints removal racing SIGTERM) is documented behaviour; the race itself is what the second number shows.`,
    keyPoints: [
      "Pod marked terminating; endpoint removal and preStop/SIGTERM happen concurrently; grace period (default 30 s), then SIGKILL",
      "Readiness/health endpoint flips to failing (503) during shutdown",
      "server.close(): stop accepting new connections, let in-flight requests finish",
      "Close DB pools, flush logs, then exit cleanly",
      "Safety timer shorter than the grace period (unref'd) forces exit if something hangs",
      "SIGTERM must actually reach Node's handler (node or tini as PID 1, never npm)",
    ],
  },
  {
    id: "shrink-image",
    origin: "interview",
    question: "A Node.js image is well over a gigabyte. How would you make it smaller?",
    modelAnswer: `Work from the biggest win down. First the base: the full node image carries a whole Debian with compilers; a slim, Alpine or distroless base is a fraction of that (the course measured slim and distroless, not Alpine). Second, a multi-stage build so only the built output and production dependencies reach the final image. Third, install production dependencies with npm ci --omit=dev and clean the npm cache in the same RUN, so the cache never lands in a layer (in a multi-stage build it stays behind in the discarded stage anyway).

Fourth, a strict .dockerignore (node_modules, .git, .env files, build output, coverage, tests) so the build context is small and nothing leaks in. Finally audit what is left: npm ls --omit=dev shows what ships (npm documentation, 'npm ls'), and unused packages can go. Measure after each step with docker image ls, because the exact numbers depend on your app and base; the course's recorded builds show real sizes for its demo service.`,
    keyPoints: [
      "Smaller base image (slim / alpine / distroless) instead of the full node image",
      "Multi-stage build: only build output + production deps in the final stage",
      "npm ci --omit=dev and clean the npm cache in the same layer",
      "A strict .dockerignore (node_modules, .git, .env*, dist, coverage, tests)",
      "Audit and remove unused production dependencies",
      "Measure each step (docker image ls / history) rather than trusting rule-of-thumb sizes",
    ],
  },
  {
    id: "layer-cache-order",
    origin: "lesson",
    question: "Why do good Node.js Dockerfiles copy package.json and the lockfile before the rest of the source?",
    modelAnswer: `Docker caches each instruction's layer and reuses it until something it depends on changes. If COPY . . comes before the install, any edit to any file changes that layer, so the dependency install runs again on every build.

Copying only package.json and package-lock.json first, then running npm ci, then copying the source, means the install layer depends only on the manifests. Code changes are frequent and dependency changes are rare, so most builds reuse the cached install and only redo the cheap steps after it.`,
    keyPoints: [
      "Each instruction is a cached layer, invalidated when its inputs change",
      "COPY . . before the install invalidates the install on every code change",
      "Copy the manifests, install, then copy the source",
      "Code changes often, dependencies rarely, so the install layer is usually reused",
    ],
  },
  {
    id: "dockerignore",
    origin: "lesson",
    question: "What does .dockerignore do, and what should always be in it for a Node.js project?",
    modelAnswer: `It filters the build context, the files the client sends to the builder, and therefore what COPY can ever see. Without it COPY . . can pull in things that must not be in an image.

Always exclude node_modules (the host's copy may hold native binaries built for another OS and libc; the image should install its own), .git (large and may reveal history), .env and other secret files (a layer is forever once pushed to a registry), and build output and coverage. A smaller context also makes the first build on each builder start faster.`,
    keyPoints: [
      "It filters the build context sent to the builder, and so what COPY can see",
      "node_modules: host binaries may not match the container's platform",
      ".env and secrets: anything copied into a layer is published with the image",
      ".git, build output, coverage: size and leaks",
      "A smaller context means faster first builds",
    ],
  },
  {
    id: "npm-ci-vs-install",
    origin: "lesson",
    question: "In a Dockerfile, why npm ci rather than npm install, and what does --omit=dev change?",
    modelAnswer: `npm ci installs exactly what package-lock.json says, fails if the lockfile and package.json disagree, and starts from an empty node_modules (npm documentation, 'npm ci'), so two builds of the same commit get the same tree. npm install may update the lockfile and resolve ranges differently over time.

--omit=dev skips devDependencies: test runners, linters, type definitions and compilers are not needed at runtime, so leaving them out shrinks the image and the list of packages a scanner has to worry about. In a multi-stage build you install everything to build, then produce the production-only tree for the final stage.`,
    keyPoints: [
      "npm ci installs exactly the lockfile and fails on a mismatch: reproducible",
      "npm install can change the lockfile / resolve differently",
      "--omit=dev leaves devDependencies out of the runtime tree",
      "Fewer packages: smaller image and fewer vulnerabilities to patch",
    ],
  },
  {
    id: "alpine-slim-distroless",
    origin: "lesson",
    question: "How do you choose between a slim, an Alpine and a distroless base image for Node.js?",
    modelAnswer: `Slim is a trimmed Debian with glibc: compatible with almost every native module, still has a shell and apt for debugging. Alpine is smaller and uses musl instead of glibc, which is fine for most apps but can break or slow native modules built for glibc (Docker Hub's node image page, 'Image Variants'). Distroless (gcr.io/distroless/nodejs20-debian12, as the name says) is built on Debian, so it has glibc like slim, but no shell and no package manager, so there is very little for an attacker to use and little for a scanner to flag, but you cannot exec a shell into it to debug.

A common choice is slim for the build stage and slim or distroless for the runtime: both use glibc, so native modules built in the slim stage load in either. Alpine works when every stage uses it, but a module built against musl will not load on a glibc runtime, or the other way round. Always pin the version tag instead of latest.`,
    keyPoints: [
      "Slim: Debian + glibc, broad native-module compatibility, has a shell",
      "Alpine: smaller, musl libc; native modules may need care",
      "Distroless: Debian-based (glibc), no shell or package manager; smallest attack surface, harder to debug",
      "Pin a specific version tag, never latest",
    ],
  },
  {
    id: "healthcheck",
    origin: "lesson",
    question: "What is a HEALTHCHECK for, and how should the /healthz endpoint behave during shutdown?",
    modelAnswer: `A HEALTHCHECK tells Docker how to ask the container whether the app is actually working, not just whether the process exists: the command exits 0 for healthy and 1 for unhealthy (2 is reserved), with an interval, timeout, start period and retry count (Dockerfile reference, 'HEALTHCHECK'). Compose can wait on it with depends_on condition: service_healthy; orchestrators such as Kubernetes use their own readiness and liveness probes hitting a similar endpoint.

The endpoint should be cheap and honest. During shutdown it should start returning 503 so traffic stops being routed to an instance that is draining. In a minimal image, probe with a tiny node one-liner instead of installing curl.`,
    keyPoints: [
      "Reports whether the app works, not just whether the process runs",
      "Exit 0 healthy, 1 unhealthy (2 reserved); interval, timeout, start period, retries",
      "Used by compose (service_healthy) and by orchestrator probes",
      "/healthz returns 503 while shutting down so traffic drains away",
      "Probe with node itself rather than adding curl to the image",
    ],
  },
  {
    id: "compose-local-dev",
    origin: "lesson",
    question: "How would you set up docker compose for local development of a Node.js service with Postgres and Redis?",
    modelAnswer: `One compose file declares the app plus its dependencies. The app runs the same image you ship, built from the project's Dockerfile. For live reload you could instead target the build stage, mount the source and keep node_modules in its own volume so the host's copy does not shadow it; the course's compose file does not.

Postgres and Redis use pinned official images with a health check each (pg_isready, redis-cli ping), and the app uses depends_on with condition: service_healthy so it only starts once they accept connections. A named volume keeps the database between runs, and connection strings come from environment variables that use the service names as hostnames.`,
    keyPoints: [
      "App runs the image built from the same Dockerfile",
      "(Optional) source mounted for reload, node_modules in its own volume",
      "Postgres and Redis from pinned images, each with a health check",
      "depends_on with condition: service_healthy",
      "Named volume for database data; service names as hostnames in env vars",
    ],
  },
] satisfies PracticeCardInput[];
