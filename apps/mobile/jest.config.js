// jest-expo (iOS flavour: resolves *.ios.ts / *.native.ts first) + React Native Testing Library.
// Workspace packages resolve to their TypeScript source under packages/, which Babel transforms.
/** @type {import('jest').Config} */
module.exports = {
  preset: "jest-expo/ios",
  setupFilesAfterEnv: ["<rootDir>/jest.setup.ts"],
  testMatch: ["<rootDir>/src/**/*.test.ts?(x)", "<rootDir>/app/**/*.test.ts?(x)"],
  transformIgnorePatterns: [
    "/node_modules/(?!(.pnpm|react-native|@react-native|@react-native-community|expo|@expo|expo-router|expo-modules-core|react-navigation|@react-navigation|ky|msw|@mswjs|until-async|@bundled-es-modules|rettime|@open-draft|outvariant|strict-event-emitter|headers-polyfill|is-node-process))",
  ],
};
