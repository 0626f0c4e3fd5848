// decap-server's git backend (npm, pinned) on a Unix domain socket instead of a TCP port.
//
// decap-server's own start script (dist/index.js) can only listen on a TCP port (PORT is read
// with parseInt), which every page in the editor's browser can call. This script builds the same
// server from the package's exported middlewares (dist/middlewares.js: registerLocalGit, the
// git mode of index.js, reading GIT_REPO_DIRECTORY) and listens on a socket file in a folder only
// this user can open (gitserver.py makes it).
//
// Only the forwarder in gitserver.py talks to it: every request must carry its Host and no
// Origin (no browser page comes here), or it is refused before decap-server sees it.
//
// Usage: node gitserver.js <decap-server package folder> <socket file> <host name>
"use strict";

const path = require("path");

const [packageFolder, socketFile, hostName] = process.argv.slice(2);
const express = require(require.resolve("express", { paths: [packageFolder] }));
const { registerLocalGit } = require(path.join(packageFolder, "dist", "middlewares.js"));

async function main() {
  const app = express();
  app.disable("x-powered-by");
  app.use((request, response, next) => {
    if (request.headers.host !== hostName || request.headers.origin !== undefined) {
      response.status(403).json({ error: "Alleen het beheer op deze computer mag decap-server gebruiken." });
      return;
    }
    next();
  });
  await registerLocalGit(app, { logLevel: "warn" });
  process.umask(0o077);
  app.listen(socketFile);
}

main().catch((error) => {
  console.error(`decap-server kon niet starten: ${error.message}`);
  process.exit(1);
});
