/* eslint-disable */
// Webpack loader: the libraries' JavaScript (React, Fluent UI, fflate...) rewritten to the ECMAScript
// level of the oldest webview the manifest admits (webpack.config.js, ES_TARGET), with the swc
// compiler the tests already use; our own TypeScript is compiled to the same level by ts-loader.
const swc = require("@swc/core");

module.exports = function downLevel(source, map) {
  const { target } = this.getOptions();
  const callback = this.async();
  swc
    .transform(source, {
      filename: this.resourcePath,
      sourceMaps: this.sourceMap,
      inputSourceMap: map ? JSON.stringify(map) : undefined,
      isModule: "unknown",
      swcrc: false,
      configFile: false,
      jsc: { target, parser: { syntax: "ecmascript" }, loose: false, externalHelpers: false },
    })
    .then((output) => callback(null, output.code, output.map), callback);
};
