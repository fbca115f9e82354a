/**
 * Builds, following the official React task-pane template:
 *   npm run build       production add-in in dist/: taskpane.html, commands.html, help.html,
 *                       assets/, manifest.xml (URLs rewritten to ADDIN_URL when set)
 *   npm run build:demo  the standalone page in dist-demo/ (same pane, web host over ExcelJS)
 *   npm run dev-server  the add-in over https://localhost:3000 (office-addin-dev-certs)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

async function httpsOptions() {
  try {
    // Optional dependency: creates and trusts a localhost certificate (needs a desktop session).
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (e) {
    console.warn(`office-addin-dev-certs 不可用（${e.message}）：开发服务器将使用自签名证书。`);
    return undefined;
  }
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking is `npm run typecheck`; the bundle only transpiles, as ES modules (tree shaking).
    options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true } },
  },
};

module.exports = async (env = {}, options = {}) => {
  // `--env all`: the add-in and the standalone page in one run (npm test).
  if (env.all) return Promise.all([build({ ...env, all: false }, options), build({ ...env, all: false, demo: true }, options)]);
  return build(env, options);
};

async function build(env, options) {
  const dev = options.mode === "development";
  const demo = !!env.demo;
  const common = {
    devtool: "source-map",
    // The .xlsx adapters take ExcelJS's Workbook from src/host/xlsx/excel.ts, which in Node loads
    // that module alone; the browser build takes ExcelJS's browser bundle instead.
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: { [path.resolve(__dirname, "src/host/xlsx/excel.ts")]: path.resolve(__dirname, "src/host/xlsx/excel.browser.ts") } },
    module: { rules: [tsRule] },
    performance: { hints: false },
    // office.js comes from Microsoft's CDN, loaded by the HTML pages.
    externals: {},
    // Loaded on demand, under their own names: ExcelJS (the standalone page's
    // workbook, exceljs.*.js) and the Word writer (docx.js, with
    // narrative-docx.js that uses it).
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: "docx", chunks: "async", enforce: true },
        },
      },
    },
  };
  if (demo) {
    return {
      ...common,
      entry: { demo: "./src/demo/index.tsx" },
      // ExcelJS and the web host are a chunk of their own ("workbook"), loaded when a file is opened.
      // Chunks are loaded relative to the page (publicPath ""), not from a path guessed at run time.
      output: { path: path.resolve(__dirname, "dist-demo"), filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "", clean: true },
      plugins: [
        new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
        new CopyWebpackPlugin({ patterns: [{ from: "examples/anyang-2021-final.xlsx", to: "examples/" }] }),
      ],
    };
  }
  const url = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : DEV_URL;
  return {
    ...common,
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" },
    // The Word writer (docx) is a chunk of its own (docx.js), loaded when a .docx is written.
    // Chunks are loaded relative to taskpane.html (publicPath ""), not from a path guessed at run time.
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "[name].js", publicPath: "", clean: true },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(url)),
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Certificates only for `webpack serve` (npm start / dev-server), never for a build.
      server: { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
}
