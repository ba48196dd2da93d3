// Project-wide config so Jest also transforms the workspace packages' TypeScript source.
module.exports = (api) => {
  api.cache(true);
  return { presets: ["babel-preset-expo"] };
};
