#!/usr/bin/env node
/**
 * A minimal static file server for the standalone page (npm run demo:web) and the
 * browser tests: `node scripts/serve-static.js <dir> [port]`. Serves on 127.0.0.1
 * only; port 0 picks a free port. Exports serve() for the tests.
 */
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".png": "image/png", ".xml": "application/xml", ".css": "text/css" };

function serve(dir, port = 0) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url || "/").split("?")[0]);
    let file = path.join(root, url.endsWith("/") ? url + "index.html" : url);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const dir = process.argv[2] || "dist-demo";
  const port = Number(process.argv[3] || 3001);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    console.error(`${dir}/index.html 不存在：请先运行 npm run build:demo`);
    process.exit(1);
  }
  serve(dir, port).then((s) => console.log(`网页演示：http://127.0.0.1:${s.address().port}/  （Ctrl+C 停止）`));
}
