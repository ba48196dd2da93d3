// jest-expo (iOS flavour: resolves *.ios.ts / *.native.ts first) + React Native Testing Library.
// Workspace packages resolve to their TypeScript source under packages/, which Babel transforms;
// MSW and its helpers ship ES modules (.mjs), which get the same Babel transform.
const preset = require("jest-expo/ios/jest-preset");

const babelTransform = preset.transform["\\.[jt]sx?$"];

/** @type {import('jest').Config} */
module.exports = {
  preset: "jest-expo/ios",
  // Generous: the screens' tests render the whole provider tree, and CI machines have two cores.
  testTimeout: 30_000,
  setupFilesAfterEnv: ["<rootDir>/jest.setup.ts"],
  testMatch: ["<rootDir>/src/**/*.test.ts?(x)", "<rootDir>/app/**/*.test.ts?(x)"],
  transform: { ...preset.transform, "\\.mjs$": babelTransform },
  transformIgnorePatterns: [
    "/node_modules/(?!((jest-)?react-native|@react-native|@react-native-community|expo|@expo|expo-router|expo-modules-core|@react-navigation|ky|msw|@mswjs|until-async|@bundled-es-modules|rettime|@open-draft|outvariant|strict-event-emitter|headers-polyfill|is-node-process|@faker-js))",
  ],
};
