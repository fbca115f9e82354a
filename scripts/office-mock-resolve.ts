/**
 * For scripts that use office-addin-mock outside jest (scripts/bench-addin.ts):
 * the mock needs only office-addin-manifest's OfficeApp enum, and that package's
 * main entry needs modules that are not installed. jest.config.js maps the
 * module the same way (moduleNameMapper). Import this before the mock.
 */
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require("module") as { _resolveFilename: (request: string, ...rest: unknown[]) => string };

const OFFICE_APP = path.join(__dirname, "..", "node_modules", "office-addin-mock", "node_modules", "office-addin-manifest", "lib", "officeApp.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === "office-addin-manifest" ? OFFICE_APP : resolve.call(this, request, ...rest);
};
