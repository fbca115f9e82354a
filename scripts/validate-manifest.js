#!/usr/bin/env node
/**
 * npm run validate: checks manifest.xml (and dist/manifest.xml when built)
 * offline, with no service:
 *   1. xmllint against the published Office add-in XSDs vendored in
 *      scripts/office-schemas/ (structure, element order, value patterns);
 *   2. every resid used is defined in <Resources>, and every resource is used
 *      (the schemas do not check these cross-references);
 *   3. every icon file the manifest names exists in assets/.
 * office-addin-manifest's own validate calls an online service; it is not used.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const xsd = path.join(__dirname, "office-schemas", "OfficeAppManifestV1_1.xsd");

function fail(msg) {
  console.error(`✗ ${msg}`);
  process.exitCode = 1;
}

function checkFile(file) {
  const rel = path.relative(root, file);
  const x = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  if (x.error && x.error.code === "ENOENT") {
    fail("找不到 xmllint：请先安装（Debian/Ubuntu：apt-get install -y libxml2-utils）");
    return;
  }
  if (x.status !== 0) {
    fail(`${rel} 不符合 Office 加载项清单架构：\n${x.stderr}`);
    return;
  }
  const xml = fs.readFileSync(file, "utf8");
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  const undefinedIds = [...used].filter((id) => !defined.has(id));
  const unusedIds = [...defined].filter((id) => !used.has(id));
  if (undefinedIds.length) fail(`${rel}：引用了未定义的资源 ${undefinedIds.join("、")}`);
  if (unusedIds.length) fail(`${rel}：定义了未使用的资源 ${unusedIds.join("、")}`);
  for (const m of xml.matchAll(/assets\/([\w.-]+\.png)/g)) {
    if (!fs.existsSync(path.join(root, "assets", m[1]))) fail(`${rel}：图标 assets/${m[1]} 不存在`);
  }
  if (!process.exitCode) console.log(`✓ ${rel} 通过校验（架构、资源引用、图标文件）`);
}

checkFile(path.join(root, "manifest.xml"));
const dist = path.join(root, "dist", "manifest.xml");
if (fs.existsSync(dist)) {
  checkFile(dist);
  // The built add-in holds every page and icon its manifest points to (URLs relative to the site root).
  const xml = fs.readFileSync(dist, "utf8");
  const pages = new Set([...xml.matchAll(/DefaultValue="https?:\/\/[^/"]+\/([^"]+)"/g)].map((m) => m[1].split("?")[0]));
  const missing = [...pages].filter((p) => !fs.existsSync(path.join(root, "dist", p)));
  if (missing.length) fail(`dist/manifest.xml 指向 dist/ 中不存在的文件：${missing.join("、")}（先运行 npm run build）`);
  else console.log(`✓ dist/ 中有清单引用的全部 ${pages.size} 个文件`);
}
