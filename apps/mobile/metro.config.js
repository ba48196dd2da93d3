// Metro for an npm-workspaces monorepo: watch the whole repo so edits in packages/* reload, and
// resolve from the app's node_modules first, then the hoisted root ones. Workspace packages are
// consumed as TypeScript source through their package.json "exports".
const path = require("node:path");
const { getDefaultConfig } = require("expo/metro-config");

const projectRoot = __dirname;
const monorepoRoot = path.resolve(projectRoot, "../..");

const config = getDefaultConfig(projectRoot);

config.watchFolders = [monorepoRoot];
config.resolver.nodeModulesPaths = [
  path.resolve(projectRoot, "node_modules"),
  path.resolve(monorepoRoot, "node_modules"),
];
config.resolver.unstable_enablePackageExports = true;

module.exports = config;
