/* eslint-disable */
// The add-in's build: `npm run build:addin -- --public-url https://host/thidua/` writes dist-addin/,
// the folder to host (taskpane.html, the bundle, manifest.xml with the public URL, icons,
// templates, config.json). `npm run dev-server` serves it on https://localhost:3000 with the
// certificates of office-addin-dev-certs.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/**
 * The bundle's ECMAScript level, chosen with the manifest's floor (ExcelApi 1.13): the oldest webview
 * such an Excel can use is EdgeHTML 18 (Microsoft 365 without WebView2, a WIP-protected document),
 * which parses ES2017 and no later; Trident (ES5) gets the inline message of taskpane.html. Held by
 * test/e2e/addin.test.ts, which parses the built bundle at this level.
 */
const ES_TARGET = "es2017";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function publicUrlFrom(env) {
  const value = env.publicUrl ?? DEV_URL;
  return value.endsWith("/") ? value : `${value}/`;
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const publicUrl = publicUrlFrom(env);
  // Networks that block Microsoft's CDN: serve the copy from @microsoft/office-js (not for AppSource).
  const localOfficeJs = env.officeJs === "local";
  const patterns = [
    { from: "addin/assets/*.png", to: "assets/[name][ext]" },
    { from: "templates/*.xlsx", to: "templates/[name][ext]" },
    { from: "addin/config.json", to: "config.json" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString().replaceAll(DEV_URL, publicUrl),
    },
  ];
  if (localOfficeJs)
    patterns.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: {
        // office.js loads the files of its host (excel-*) and locale at run time; the others are dead weight.
        ignore: ["**/*.map", "**/*.debug.js", "**/{access,onenote,outlook,powerpoint,project,visio,word}-*"],
      },
    });

  const config = {
    entry: {
      taskpane: "./addin/pane/index.tsx",
      // Sign-in (addin/pane/sign-in.ts): the Office dialog's page, and MSAL 5's redirect bridge.
      "auth-dialog": "./addin/auth/auth-dialog.ts",
      "auth-redirect": "./addin/auth/auth-redirect.ts",
    },
    // webpack's own runtime code at the same level (no arrow functions past what ES2017 has is fine).
    target: ["web", ES_TARGET],
    output: {
      path: path.resolve(__dirname, "dist-addin"),
      filename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ts-loader first (types stripped, ES2017), then swc for what TypeScript leaves as written
          // (regular expressions with \p{…}, an ES2018 feature, become explicit ranges).
          use: [
            {
              loader: path.resolve(__dirname, "addin", "down-level-loader.js"),
              options: { target: ES_TARGET },
            },
            { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.addin.json" } },
          ],
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: path.resolve(__dirname, "addin", "down-level-loader.js"),
            options: { target: ES_TARGET },
          },
        },
      ],
    },
    devtool: production ? false : "source-map",
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "addin/pane/taskpane.html",
        chunks: ["taskpane"],
        inject: false,
        scriptLoading: "blocking",
        templateParameters: { officeJsUrl: localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN },
      }),
      ...[
        { name: "auth-dialog", officeJs: true },
        { name: "auth-redirect", officeJs: false },
      ].map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            chunks: [page.name],
            scriptLoading: "blocking",
            inject: "body",
            // The redirect bridge must not load office.js (it would null history.replaceState).
            templateContent: `<!doctype html><html lang="vi"><head><meta charset="UTF-8" /><title>Đăng nhập – thidua</title>${
              page.officeJs
                ? `<script src="${localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN}"></script>`
                : ""
            }</head><body><p>Đang đăng nhập… / Signing in…</p></body></html>`,
          }),
      ),
      new CopyWebpackPlugin({ patterns }),
      {
        apply(compiler) {
          // The size the README states: every JavaScript file of the build.
          compiler.hooks.done.tap("thidua-size", (stats) => {
            const assets = stats
              .toJson({ assets: true })
              // The bundle only: a copied office.js (--office-js local) is Microsoft's, not ours.
              .assets.filter((asset) => asset.name.endsWith(".js") && !asset.info?.copied);
            const bytes = assets.reduce((sum, asset) => sum + asset.size, 0);
            console.log(
              `thidua add-in JavaScript: ${(bytes / 1024).toFixed(0)} KiB in ${assets.length} file(s)`,
            );
          });
        },
      },
    ],
  };
  if (!production) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
    };
  }
  return config;
};
