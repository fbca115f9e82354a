/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // Tests that read .xlsx fixtures take seconds on a loaded machine (several
  // worktrees share it); the default 5 s made them fail for no reason.
  testTimeout: 30000,
};
