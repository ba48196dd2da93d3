import { useReferrals } from "@referral-app/api-client/react";
import { FEATURE_FLAGS, REFERRAL_STATUS_VALUES, type ReferralStatus } from "@referral-app/shared/constants";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { StatusBadge } from "@referral-app/ui/badge";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { EmptyState } from "@referral-app/ui/empty-state";
import { Field, FormMessage, Select } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FeatureToggle } from "../../components/feature-toggle.tsx";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { ContactDeadline } from "./contact-deadline.tsx";
import { FriendProgress } from "./friend-progress.tsx";
import { ReferralDetailDialog } from "./referral-detail-dialog.tsx";
import { rewardStatusWords } from "./reward-words.ts";

const PAGE_SIZES = [10, 20, 50] as const;

function useColumns(): TableColumn<Referral>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    {
      key: "name",
      header: t("referrals.list.name"),
      rowHeader: true,
      cell: (row) => (
        <span className="flex flex-col">
          <TruncatedText text={row.fullName} />
          <TruncatedText text={row.email} lines={1} className="text-xs font-normal text-muted" />
        </span>
      ),
    },
    {
      key: "status",
      header: t("referrals.list.status"),
      cell: (row) => (
        <span className="flex flex-col items-start gap-1">
          <StatusBadge status={row.status} label={t(`referrals.status.${row.status}`)} />
          <ContactDeadline referral={row} />
          <FriendProgress referral={row} />
        </span>
      ),
    },
    {
      key: "submitted",
      header: t("referrals.list.submitted"),
      cell: (row) => <time dateTime={row.createdAt}>{format.date(row.createdAt)}</time>,
    },
    {
      key: "reward",
      header: t("referrals.list.reward"),
      cell: (row) =>
        row.reward ? (
          <span className="flex flex-col">
            <span>{format.money(row.reward.amountMinor, row.reward.currency)}</span>
            <span className="text-xs text-muted">{rewardStatusWords(row.reward, t, format)}</span>
          </span>
        ) : (
          t("referrals.list.noReward")
        ),
    },
    {
      key: "details",
      cardLabel: false,
      header: <span className="sr-only">{t("referrals.list.details")}</span>,
      cell: (row) => <ReferralDetailDialog referral={row} />,
    },
  ];
}

export function ReferralList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReferralStatus | "">("");
  const [page, setPage] = useState(1);
  const [limit, setLimit] = useState<number>(PAGE_SIZES[0]);
  const referrals = useReferrals({ page, limit, status: status || undefined });
  const columns = useColumns();
  const pagination = referrals.data?.pagination;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t("referrals.list.filter")} className="w-48">
          <Select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ReferralStatus | "");
              setPage(1);
            }}
          >
            <option value="">{t("referrals.list.allStatuses")}</option>
            {REFERRAL_STATUS_VALUES.map((value) => (
              <option key={value} value={value}>
                {t(`referrals.status.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <FeatureToggle feature={FEATURE_FLAGS.ADVANCED_FILTERS}>
          <Field label={t("referrals.list.pageSize")} className="w-36">
            <Select
              value={String(limit)}
              onChange={(event) => {
                setLimit(Number(event.target.value));
                setPage(1);
              }}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </Field>
        </FeatureToggle>
      </div>
      {referrals.error ? (
        <div className="space-y-2">
          <FormMessage>{apiErrorMessage(referrals.error, t)}</FormMessage>
          <Button variant="secondary" size="sm" onClick={() => referrals.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : !referrals.data ? (
        <SkeletonList label={t("referrals.list.loading")} lines={4} />
      ) : referrals.data.data.length === 0 ? (
        <EmptyState
          title={t("referrals.list.emptyTitle")}
          description={status ? t("referrals.list.emptyFiltered") : t("referrals.list.emptyBody")}
          action={
            status ? null : (
              <Link to="/referrals?tab=refer" className={buttonClasses({ size: "sm" })}>
                {t("empty.referralsCta")}
              </Link>
            )
          }
        />
      ) : (
        <Table
          caption={t("referrals.list.caption")}
          columns={columns}
          rows={referrals.data.data}
          rowKey={(row) => row.id}
        />
      )}
      {pagination && pagination.pages > 1 ? (
        <nav aria-label={t("common.pagination")} className="flex items-center justify-between gap-2">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("common.previous")}
          </Button>
          <span className="text-sm text-muted" aria-live="polite">
            {t("common.pageOf", { page: pagination.page, pages: pagination.pages })}
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={page >= pagination.pages}
            onClick={() => setPage(page + 1)}
          >
            {t("common.next")}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
