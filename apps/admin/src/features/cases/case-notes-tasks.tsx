import { useCompleteTask } from "@referral-app/api-client/react";
import {
  useAddCaseNote,
  useAddCaseTask,
  useStaffMembers,
} from "@referral-app/api-client/react/case-admin-hooks";
import { formatDate } from "@referral-app/app-kit/console-format";
import { NOTE_VISIBILITIES } from "@referral-app/shared/constants";
import { toDateInputValue } from "@referral-app/shared/formatting";
import type { CaseTask, NoteVisibility, VisaCase } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Field, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

export function NoteForm({ caseId }: { caseId: string }) {
  const add = useAddCaseNote(caseId);
  const { toast } = useToast();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility>("internal");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(
      { body: body.trim(), visibility },
      {
        onSuccess: () => {
          setBody("");
          toast({ title: strings.case.noteAdded, tone: "success" });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.case.notes}>
      {add.error ? <FormMessage>{errorMessage(add.error)}</FormMessage> : null}
      <Field label={strings.case.noteBody} required>
        <Textarea maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{strings.case.visibility}</legend>
        <div className="flex flex-wrap gap-4">
          {NOTE_VISIBILITIES.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`visibility-${caseId}`}
                value={value}
                checked={visibility === value}
                onChange={() => setVisibility(value)}
                className="size-4 accent-brand"
              />
              {strings.visibilities[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" size="sm" disabled={!body.trim()} loading={add.isPending}>
        {strings.case.addNote}
      </Button>
    </form>
  );
}

const inAWeek = () => toDateInputValue(new Date(Date.now() + 7 * 86_400_000));

export function TaskForm({ visaCase }: { visaCase: VisaCase }) {
  const add = useAddCaseTask(visaCase.id);
  const staff = useStaffMembers();
  const { toast } = useToast();
  const [title, setTitle] = useState("");
  const [assignee, setAssignee] = useState("client");
  const [due, setDue] = useState(inAWeek);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim().length < 2 || !due) return;
    add.mutate(
      {
        title: title.trim(),
        assignee: assignee === "client" ? { kind: "client" } : { kind: "staff", userId: assignee },
        // The end of the chosen day in the consultant's time zone.
        dueAt: new Date(`${due}T23:59:00`).toISOString(),
      },
      {
        onSuccess: () => {
          setTitle("");
          toast({ title: strings.case.taskAdded, tone: "success" });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.case.addTask}>
      {add.error ? <FormMessage>{errorMessage(add.error)}</FormMessage> : null}
      <Field label={strings.case.taskTitle} required>
        <Input maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={strings.case.assignee}>
          <Select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
            <option value="client">{strings.case.theClient(visaCase.client.name)}</option>
            {(staff.data ?? [])
              .filter((member) => member.active)
              .map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={strings.case.dueAt} required>
          <Input type="date" value={due} onChange={(event) => setDue(event.target.value)} />
        </Field>
      </div>
      <Button type="submit" size="sm" disabled={title.trim().length < 2 || !due} loading={add.isPending}>
        {strings.case.createTask}
      </Button>
    </form>
  );
}

function TaskRow({ task, closed }: { task: CaseTask; closed: boolean }) {
  const complete = useCompleteTask();
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <div className="min-w-0">
        <p className={task.state === "done" ? "text-muted line-through" : "font-medium"}>{task.title}</p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <span>{task.assignee.name}</span>
          <span>{strings.case.due(formatDate(task.dueAt))}</span>
          {task.state === "done" ? <Badge tone="success">{strings.case.done}</Badge> : null}
          {task.overdue ? <Badge tone="danger">{strings.case.overdue}</Badge> : null}
        </p>
        {complete.error ? <FormMessage>{errorMessage(complete.error)}</FormMessage> : null}
      </div>
      {task.state === "open" && task.canComplete && !closed ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={strings.case.complete(task.title)}
          loading={complete.isPending}
          onClick={() => complete.mutate(task)}
        >
          {strings.case.markDone}
        </Button>
      ) : null}
    </li>
  );
}

export function StaffTaskList({ tasks, closed }: { tasks: readonly CaseTask[]; closed: boolean }) {
  if (tasks.length === 0) return <p className="text-sm text-muted">{strings.case.noTasks}</p>;
  return (
    <ul className="divide-y divide-border">
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} closed={closed} />
      ))}
    </ul>
  );
}
