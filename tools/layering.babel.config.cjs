// Babel only strips TypeScript (and reads JSX) so dependency-cruiser can see the imports.
module.exports = {
  presets: [["@babel/preset-typescript", { isTSX: true, allExtensions: true, onlyRemoveTypeImports: true }]],
  plugins: ["@babel/plugin-syntax-jsx"],
};
