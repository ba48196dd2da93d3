import { formatCountry } from "@referral-app/shared/formatting";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { Card } from "@referral-app/ui/card";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { MessageConsultantButton } from "../messages/message-consultant-button.tsx";

/** Destination, target date and the people on the application. */
export function CaseDetails({ visaCase }: { visaCase: VisaCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={visaCase.visaType.name} description={visaCase.visaType.description || undefined}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">{t("cases.destination")}</dt>
          <dd className="font-medium">
            {visaCase.destinationCountry ? formatCountry(visaCase.destinationCountry, format.locale) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t("cases.targetDate")}</dt>
          <dd className="font-medium">
            {visaCase.targetDate ? format.date(visaCase.targetDate) : t("cases.noTargetDate")}
          </dd>
        </div>
      </dl>
      <h3 className="mt-5 text-sm font-semibold">{t("cases.applicants")}</h3>
      <ul className="mt-2 divide-y divide-border text-sm">
        {visaCase.applicants.map((applicant) => (
          <li key={applicant.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span className="font-medium">{applicant.fullName}</span>
            <span className="text-muted">
              {applicant.relationship
                ? t(`cases.relationships.${applicant.relationship}`)
                : t("cases.principal")}
              {applicant.dateOfBirth
                ? ` · ${t("cases.bornOn", { date: format.date(applicant.dateOfBirth) })}`
                : ""}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ConsultantCard({ visaCase }: { visaCase: VisaCase }) {
  const { t } = useTranslation();
  const consultant = visaCase.consultant;
  return (
    <Card title={t("cases.consultant.title")}>
      {consultant ? (
        <div className="flex items-center gap-3">
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-soft font-semibold text-fg"
          >
            {consultant.name.slice(0, 1)}
          </span>
          <div className="min-w-0 text-sm">
            <p className="font-medium">{consultant.name}</p>
            <a
              href={`mailto:${consultant.email}`}
              className="break-all text-brand underline-offset-2 hover:underline"
              aria-label={t("cases.consultant.email", { name: consultant.name })}
            >
              {consultant.email}
            </a>
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted">{t("cases.consultant.none")}</p>
      )}
      <MessageConsultantButton caseId={visaCase.id} />
    </Card>
  );
}
