import { isApiError } from "@referral-app/api-client/errors";
import { useCase, useCaseNotes, useCaseTasks } from "@referral-app/api-client/react";
import { formatDate } from "@referral-app/shared/formatting";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { useTranslation } from "react-i18next";
import { Linking } from "react-native";
import { localeFor } from "../i18n/i18n";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Card } from "./card";
import { CaseDocuments } from "./case-documents";
import { CaseState } from "./case-state";
import { InvoicesCard } from "./invoices-card";
import { Notice } from "./notice";
import { StageProgress } from "./stage-progress";
import { TaskRow } from "./task-row";

function ConsultantCard({ visaCase }: { visaCase: VisaCase }) {
  const { t } = useTranslation();
  const consultant = visaCase.consultant;
  return (
    <Card title={t("cases.consultant")}>
      {consultant ? (
        <>
          <AppText>{consultant.name}</AppText>
          <Button
            variant="secondary"
            label={t("cases.emailConsultant", { name: consultant.name })}
            onPress={() => void Linking.openURL(`mailto:${consultant.email}`)}
          />
        </>
      ) : (
        <AppText variant="muted">{t("cases.noConsultant")}</AppText>
      )}
    </Card>
  );
}

function NotesCard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useCaseNotes(caseId);
  const locale = localeFor(i18n.language);
  return (
    <Card title={t("cases.notes")}>
      {notes.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
      {notes.data?.length === 0 ? <AppText variant="muted">{t("cases.noNotes")}</AppText> : null}
      {notes.data?.map((note) => (
        <AppText key={note.id}>
          {note.body}
          {"\n"}
          <AppText variant="small">
            {t("cases.noteBy", {
              name: note.authorName ?? t("cases.consultant"),
              date: formatDate(note.createdAt, locale),
            })}
          </AppText>
        </AppText>
      ))}
    </Card>
  );
}

function TasksCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tasks = useCaseTasks(caseId);
  const ordered = [...(tasks.data ?? [])].sort(
    (a, b) => Number(a.state === "done") - Number(b.state === "done"),
  );
  return (
    <Card title={t("cases.tasks")}>
      {tasks.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
      {tasks.data?.length === 0 ? <AppText variant="muted">{t("cases.noTasks")}</AppText> : null}
      {ordered.map((task) => (
        <TaskRow key={task.id} task={task} />
      ))}
    </Card>
  );
}

/** One case: its stages with dates, the consultant, the client's notes and tasks. */
export function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const visaCase = useCase(id);
  if (visaCase.isError)
    return (
      <Notice
        tone="danger"
        message={
          isApiError(visaCase.error) && visaCase.error.status === 404
            ? t("cases.notFound")
            : t("common.error")
        }
      />
    );
  if (!visaCase.data) return <AppText variant="muted">{t("common.loading")}</AppText>;
  const { data } = visaCase;
  return (
    <>
      <AppText variant="title" accessibilityRole="header">
        {data.visaType.name}
      </AppText>
      <AppText variant="muted">{t("cases.number", { number: data.number })}</AppText>
      <CaseState visaCase={data} />
      {data.closed ? <AppText variant="muted">{t("cases.closed")}</AppText> : null}
      <Card>
        <StageProgress stages={data.stages} />
      </Card>
      <CaseDocuments caseId={data.id} />
      <TasksCard caseId={data.id} />
      <InvoicesCard caseId={data.id} />
      <NotesCard caseId={data.id} />
      <ConsultantCard visaCase={data} />
    </>
  );
}
