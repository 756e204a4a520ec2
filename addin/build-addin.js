// `npm run build:addin -- --public-url https://host/thidua/ [--office-js local]`: webpack-cli refuses
// options it does not know, so they are handed to webpack.config.js as --env values.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const args = process.argv.slice(2);
const env = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === "--public-url") env.push("--env", `publicUrl=${args[++i]}`);
  else if (args[i] === "--office-js") env.push("--env", `officeJs=${args[++i]}`);
  else env.push(args[i]);
}
const webpack = path.join(__dirname, "..", "node_modules", "webpack-cli", "bin", "cli.js");
const run = spawnSync(process.execPath, [webpack, "--mode", "production", ...env], { stdio: "inherit" });
process.exit(run.status ?? 1);
