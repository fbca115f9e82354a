#!/usr/bin/env node
"use strict";
// Runs the compiled command line (build/ is produced by `npm install` via the
// "prepare" script, or by `npm run build:cli`).
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("disclosure-check 尚未编译：请先在项目目录运行 npm install（或 npm run build:cli）。\n");
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${e && e.stack ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
