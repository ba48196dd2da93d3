import mockAsyncStorage from "@react-native-async-storage/async-storage/jest/async-storage-mock";

jest.mock("@react-native-async-storage/async-storage", () => mockAsyncStorage);
jest.mock("@react-native-community/netinfo", () => ({
  __esModule: true,
  default: jest.requireActual("./src/test/fake-net-info").fakeNetInfo,
}));
// No native safe-area metrics under Jest: the library's own mock provides zero insets.
jest.mock(
  "react-native-safe-area-context",
  () => jest.requireActual("react-native-safe-area-context/jest/mock").default,
);
