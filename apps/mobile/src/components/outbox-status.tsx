import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { useOutbox } from "../offline/outbox-context";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Notice } from "./notice";

/** What is still on the device: referrals waiting for the network, and any the server refused. */
export function OutboxStatus() {
  const { t } = useTranslation();
  const { state, dismissRejected } = useOutbox();
  if (state.pending.length === 0 && state.rejected.length === 0) return null;
  return (
    <View style={styles.list}>
      {state.pending.length > 0 ? (
        <Notice tone="warning" message={t("referrals.pendingCount", { count: state.pending.length })} />
      ) : null}
      {state.rejected.map((item) => (
        <View key={item.idempotencyKey} style={styles.rejected}>
          <AppText style={styles.grow}>
            {t("referrals.rejected", { name: item.data.fullName, reason: item.lastError ?? item.code })}
          </AppText>
          <Button
            variant="secondary"
            label={t("referrals.dismiss")}
            onPress={() => void dismissRejected(item.idempotencyKey)}
          />
        </View>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: 8 },
  rejected: { flexDirection: "row", alignItems: "center", gap: 8 },
  grow: { flex: 1 },
});
