// A controllable stand-in for @react-native-community/netinfo: tests switch the device on and off line.
interface NetState {
  isConnected: boolean;
  isInternetReachable: boolean;
  type: "wifi" | "none";
}
type Listener = (state: NetState) => void;

let connected = true;
const listeners = new Set<Listener>();

function current(): NetState {
  return { isConnected: connected, isInternetReachable: connected, type: connected ? "wifi" : "none" };
}

export const fakeNetInfo = {
  fetch: async () => current(),
  addEventListener(listener: Listener) {
    listeners.add(listener);
    listener(current());
    return () => {
      listeners.delete(listener);
    };
  },
};

export function setDeviceOnline(online: boolean): void {
  connected = online;
  for (const listener of listeners) listener(current());
}
