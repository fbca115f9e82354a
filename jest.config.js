/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum of office-addin-manifest; the package's
    // main entry pulls in an ESM-only module (strip-bom) that jest cannot load as CommonJS.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-mock/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // Tests that read .xlsx fixtures take seconds on a loaded machine (several
  // worktrees share it); the default 5 s made them fail for no reason.
  testTimeout: 30000,
};
