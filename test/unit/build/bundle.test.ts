/**
 * The production add-in (dist/, built by `npm run build` — npm test builds it
 * first): every page the manifest names is there, and the pane makes no network
 * request of its own (beyond loading its own chunks, docx.js and
 * narrative-docx.js, from its folder when a Word file is written). Only office.js is loaded from the network; the bundle has
 * no fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon (no telemetry,
 * workbook data never leaves the machine).
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.join(__dirname, "..", "..", "..", "dist");
const read = (f: string) => fs.readFileSync(path.join(DIST, f), "utf8");

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.js"))) throw new Error("dist/ 不存在：先运行 npm run build（npm test 会自动构建）");
});

test("dist holds the manifest, the pages and the icons", () => {
  for (const f of ["manifest.xml", "taskpane.html", "taskpane.js", "commands.html", "commands.js", "help.html", "assets/icon-32.png", "assets/icon-80.png"]) expect(fs.existsSync(path.join(DIST, f))).toBe(true);
  expect(read("taskpane.html")).toMatch(/<script[^>]*src="?taskpane\.js/);
});

test("the Word writer is a chunk of its own, loaded from the add-in's folder only when a .docx is written", () => {
  const task = read("taskpane.js");
  expect(fs.existsSync(path.join(DIST, "docx.js"))).toBe(true);
  expect(fs.existsSync(path.join(DIST, "narrative-docx.js"))).toBe(true);
  // docx's own code (its Packer) is not in the pane's bundle; the pane names the chunks it may load.
  expect(read("docx.js")).toContain("word/document.xml");
  expect(task).not.toContain("word/document.xml");
  expect(task).toContain("narrative-docx");
  expect(fs.statSync(path.join(DIST, "taskpane.js")).size).toBeLessThan(1_000_000);
});

test("the 情况说明 drafting code is a chunk of its own too, loaded when the clerk first drafts one", () => {
  const task = read("taskpane.js");
  // A sentence only the generator writes (generate.ts): in the chunk, not in the pane's bundle.
  expect(read("narrative-draft.js")).toContain("主要用于以下方面");
  expect(task).not.toContain("主要用于以下方面");
  expect(task).toContain("narrative-draft");
});

test("the only script from the network is office.js; the pages load nothing else from outside", () => {
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = read(page);
    const external = [...html.matchAll(/(?:src|href)=["']?(https?:[^"'\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  }
});

test("the bundles make no network requests", () => {
  const apis = ["fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "importScripts", "navigator.serviceWorker"];
  for (const js of fs.readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    const code = read(js);
    const used = apis.filter((a) => code.includes(a));
    expect({ file: js, used }).toEqual({ file: js, used: [] });
    // No absolute URL a request could go to. XML namespace names of the Word writer (docx) and
    // React's error-decoder links are identifiers, never fetched.
    const NAMESPACES = /^https?:\/\/(schemas\.microsoft\.com|schemas\.openxmlformats\.org|purl\.org|purl\.oclc\.org|www\.w3\.org|react\.dev\/errors|reactjs\.org\/docs\/error-decoder)/;
    const urls = [...code.matchAll(/["'`](https?:\/\/[^"'`\s]+)/g)].map((m) => m[1]).filter((u) => !NAMESPACES.test(u));
    expect({ file: js, urls }).toEqual({ file: js, urls: [] });
  }
});
