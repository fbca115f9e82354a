#!/usr/bin/env node
/**
 * npm start / npm stop, as in the official template: office-addin-debugging
 * starts the dev server (https://localhost:3000, dev certificates) and sideloads
 * manifest.xml into Excel. It is an optional dependency (its keychain module
 * needs a desktop session to build); without it, this explains what to do.
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const cmd = process.argv[2] === "stop" ? "stop" : "start";
let bin;
try {
  bin = require.resolve("office-addin-debugging/cli.js");
} catch {
  bin = undefined;
}
if (!bin) {
  console.error(
    [
      "未安装 office-addin-debugging（可选依赖，在没有桌面环境的机器上无法安装），无法自动旁加载到 Excel。",
      "可以：",
      "  1. npm run dev-server        在 https://localhost:3000 提供加载项；",
      "  2. 在 Excel 中“插入 → 加载项 → 我的加载项 → 上传我的加载项”，选择 manifest.xml；",
      "  或者 npm run demo:web       在浏览器中试用同一个窗格（不需要 Excel）。",
    ].join("\n"),
  );
  process.exit(1);
}
const args = cmd === "start" ? ["start", "manifest.xml", ...process.argv.slice(3)] : ["stop", "manifest.xml"];
const r = spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", cwd: path.join(__dirname, "..") });
process.exit(r.status ?? 1);
