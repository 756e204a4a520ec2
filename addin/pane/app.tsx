import {
  Badge,
  Button,
  Field,
  FluentProvider,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactElement } from "react";
import {
  formatVietnameseDate,
  type ConfigFile,
  type Language,
  type Problem,
  type WorkbookSnapshot,
} from "../../core/index";
import { readChosenBytes } from "../standalone/read-file";
import { checkSavedFile } from "./saved-file";
import { SendPanel, type SendSource } from "./send-panel";
import {
  buildConfig,
  checkSnapshot,
  deadlineStatuses,
  problemText,
  recognise,
  type CheckReport,
  type Recognition,
} from "./check";
import type { PaneHost } from "./host";
import { stringsFor, TEMPLATE_FILES, type PaneStrings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    maxWidth: "900px",
    margin: "0 auto",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: "8px",
    flexWrap: "wrap",
  },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "24px",
    textAlign: "center",
  },
  dropActive: { backgroundColor: tokens.colorNeutralBackground2 },
  group: { display: "flex", flexDirection: "column", gap: "4px" },
  groupTitle: { display: "flex", gap: "8px", alignItems: "center" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: { display: "block" },
  problem: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: "6px 8px",
    width: "100%",
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
  },
  problemText: { padding: "6px 8px", color: tokens.colorNeutralForeground1 },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em", display: "inline-block" },
  settings: { display: "flex", flexDirection: "column", gap: "8px" },
});

const OVERRIDES_KEY = "thidua.configOverrides";
const LANGUAGE_KEY = "thidua.language";

function loadOverrides(): ConfigFile {
  try {
    return JSON.parse(localStorage.getItem(OVERRIDES_KEY) ?? "{}") as ConfigFile;
  } catch {
    return {};
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Outcome =
  | { readonly state: "idle" }
  | { readonly state: "busy" }
  | { readonly state: "refused"; readonly problem: Problem; readonly file: string | null }
  | {
      readonly state: "checked";
      readonly report: CheckReport;
      readonly file: string | null;
      /** The checked bytes (standalone); null in Excel mode, where only a save makes a file. */
      readonly bytes: Uint8Array | null;
      /** Counts the checks: a new check starts a new send (warnings asked again, nothing kept). */
      readonly check: number;
    }
  | { readonly state: "failed"; readonly message: string };

function DeadlineBanner(props: {
  statuses: ReturnType<typeof deadlineStatuses>;
  text: PaneStrings;
}): ReactElement {
  return (
    <>
      {props.statuses.map((status) => {
        const late = status.daysLeft < 0;
        const intent = late ? "error" : status.daysLeft <= 7 ? "warning" : "info";
        return (
          <MessageBar key={status.kind} intent={intent} data-testid="deadline">
            <MessageBarBody>
              {props.text.deadline(status.kind, formatVietnameseDate(status.deadline.lastDay))} —{" "}
              {late ? props.text.late(-status.daysLeft) : props.text.daysLeft(status.daysLeft)}
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}

function RecognitionLine(props: {
  recognition: Recognition;
  text: PaneStrings;
  template: ReactElement | null;
}): ReactElement {
  const { recognition, text } = props;
  if (recognition.status === "template")
    return <Text data-testid="recognition">{text.recognised(recognition.kind, recognition.version)}</Text>;
  return (
    <MessageBar intent="warning" data-testid="recognition">
      <MessageBarBody>
        {recognition.status === "old-version"
          ? text.oldVersion(recognition.kind, recognition.version, recognition.current)
          : text.notTemplate}{" "}
        {props.template}
      </MessageBarBody>
    </MessageBar>
  );
}

function Results(props: {
  report: CheckReport;
  language: Language;
  text: PaneStrings;
  onSelect: ((problem: Problem) => void) | null;
}): ReactElement {
  const styles = useStyles();
  const { report, text, language } = props;
  return (
    <div data-testid="results">
      {report.ready ? (
        <MessageBar intent="success" data-testid="ready">
          <MessageBarBody>
            <MessageBarTitle>{text.ready}</MessageBarTitle>
            {text.readyDetail}
            {report.warnings > 0 ? ` (${text.warnings(report.warnings)})` : ""}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" data-testid="summary">
          <MessageBarBody>{text.notReady(report.errors, report.warnings)}</MessageBarBody>
        </MessageBar>
      )}
      {report.groups.map((group) => (
        <section
          key={group.sheet ?? ""}
          className={styles.group}
          data-testid="group"
          data-sheet={group.sheet ?? ""}
        >
          <div className={styles.groupTitle}>
            <Text as="h2" size={300} weight="semibold">
              {group.sheet ?? text.wholeFile}
            </Text>
            {group.errors > 0 ? <Badge color="danger">{text.errors(group.errors)}</Badge> : null}
            {group.warnings > 0 ? <Badge color="warning">{text.warnings(group.warnings)}</Badge> : null}
          </div>
          <ul className={styles.list}>
            {group.problems.map((problem, index) => {
              const content = (
                <span>
                  <span className={styles.cell}>{problem.cell ?? "—"}</span>{" "}
                  <Badge size="small" color={problem.severity === "error" ? "danger" : "warning"}>
                    {problem.severity === "error" ? text.error : text.warning}
                  </Badge>{" "}
                  {problemText(problem, language)}
                </span>
              );
              const data = {
                "data-testid": "problem",
                "data-code": problem.code,
                "data-cell": problem.cell ?? "",
                "data-sheet": problem.sheet ?? "",
              };
              // A problem Excel can go to is a button (Tab, Enter); any other is text at full
              // contrast, never a disabled control's grey.
              return (
                <li key={index} className={styles.item}>
                  {props.onSelect !== null && problem.sheet !== null ? (
                    <Button
                      appearance="subtle"
                      className={styles.problem}
                      {...data}
                      onClick={() => props.onSelect?.(problem)}
                    >
                      {content}
                    </Button>
                  ) : (
                    <div className={styles.problemText} {...data}>
                      {content}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FilePicker(props: { text: PaneStrings; onFile: (file: File) => void }): ReactElement {
  const styles = useStyles();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) props.onFile(file);
  };
  return (
    <div
      className={over ? `${styles.drop} ${styles.dropActive}` : styles.drop}
      data-testid="dropzone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Text block>{props.text.standalone}</Text>
      <Text>{props.text.dropHere} </Text>
      <label>
        <input
          type="file"
          data-testid="file-input"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) props.onFile(file);
            event.target.value = "";
          }}
        />
        <span className="visually-hidden">{props.text.chooseFile}</span>
      </label>
    </div>
  );
}

function Settings(props: {
  text: PaneStrings;
  overrides: ConfigFile;
  onChange: (overrides: ConfigFile) => void;
}): ReactElement {
  const styles = useStyles();
  const [draft, setDraft] = useState(props.overrides);
  return (
    <details>
      <summary>{props.text.settings}</summary>
      <div className={styles.settings}>
        <Field label={props.text.planDate}>
          <Input
            type="date"
            value={draft.provincialPlanDate ?? ""}
            onChange={(_, data) => setDraft({ ...draft, provincialPlanDate: data.value || null })}
          />
        </Field>
        <Field label={props.text.reportYear}>
          <Input
            type="number"
            value={draft.reportYear === undefined ? "" : String(draft.reportYear)}
            onChange={(_, data) => {
              const { reportYear: _omit, ...rest } = draft;
              setDraft(data.value ? { ...rest, reportYear: Number(data.value) } : rest);
            }}
          />
        </Field>
        <Field label={props.text.nominationDeadline}>
          <Input
            type="date"
            value={draft.nominationDeadline ?? ""}
            onChange={(_, data) => setDraft({ ...draft, nominationDeadline: data.value || null })}
          />
        </Field>
        <div>
          <Button onClick={() => props.onChange(draft)}>{props.text.save}</Button>{" "}
          <Button
            appearance="subtle"
            onClick={() => {
              setDraft({});
              props.onChange({});
            }}
          >
            {props.text.reset}
          </Button>
        </div>
      </div>
    </details>
  );
}

export function App(props: { host: PaneHost; configFile: unknown; now?: () => number }): ReactElement {
  const styles = useStyles();
  const now = props.now ?? Date.now;
  const [language, setLanguage] = useState<Language>(() =>
    localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "vi",
  );
  const [overrides, setOverrides] = useState<ConfigFile>(loadOverrides);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const [recognition, setRecognition] = useState<Recognition | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const checks = useRef(0);
  const text = stringsFor(language);
  const { config, error: configError } = useMemo(
    () => buildConfig(props.configFile, overrides, now()),
    [props.configFile, overrides, now],
  );
  const excel = props.host.mode === "excel" && props.host.excel.canReadWorkbook ? props.host.excel : null;

  useEffect(() => {
    if (excel === null) return;
    excel
      .readSnapshot()
      .then((read) => setRecognition(recognise(read.snapshot)))
      .catch(() => setRecognition(null));
  }, [excel]);

  const show = useCallback(
    (snapshot: WorkbookSnapshot, file: string | null, bytes: Uint8Array | null) => {
      const report = checkSnapshot(snapshot, config);
      setRecognition(report.recognition);
      checks.current += 1;
      setOutcome({ state: "checked", report, file, bytes, check: checks.current });
    },
    [config],
  );

  const checkWorkbook = async () => {
    if (excel === null) return;
    setOutcome({ state: "busy" });
    try {
      const read = await excel.readSnapshot();
      show(read.snapshot, null, null);
      setNotice(read.notes.mergesUnread.length > 0 ? text.mergesUnread(read.notes.mergesUnread) : null);
    } catch (error) {
      setOutcome({ state: "failed", message: errorMessage(error) });
    }
  };

  const checkFile = async (file: File) => {
    setOutcome({ state: "busy" });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const reading = await readChosenBytes(bytes);
      if (reading.ok) show(reading.snapshot, file.name, bytes);
      else setOutcome({ state: "refused", problem: reading.problem, file: file.name });
    } catch (error) {
      setOutcome({ state: "failed", message: errorMessage(error) });
    }
  };

  const run = (action: () => Promise<string>) => {
    action()
      .then(setNotice)
      .catch((error: unknown) => setNotice(text.failed(errorMessage(error))));
  };

  const kind = recognition && recognition.status !== "not-template" ? recognition.kind : null;
  const templateKind = kind ?? config.expectedKinds[0] ?? "KH";
  const templateFile = TEMPLATE_FILES[templateKind] ?? TEMPLATE_FILES["KH"]!;
  const template =
    props.host.mode === "excel" ? (
      <Link
        as="button"
        data-testid="open-template"
        onClick={() =>
          run(async () => {
            const response = await fetch(`templates/${templateFile}`);
            if (!response.ok) throw new Error(`${response.status} ${templateFile}`);
            if (props.host.mode === "excel")
              await props.host.excel.openTemplate(await response.arrayBuffer());
            return templateFile;
          })
        }
      >
        {text.blankTemplate}
      </Link>
    ) : (
      <Link href={`templates/${templateFile}`} download data-testid="download-template">
        {text.downloadTemplate}
      </Link>
    );

  const problems =
    outcome.state === "checked" ? outcome.report.groups.flatMap((group) => group.problems) : [];

  // Standalone: the dropped file's bytes. Excel: the saved file, read at the click and sent only
  // if it is the workbook that was checked (saved-file.ts says what "the same" means).
  let source: SendSource | null = null;
  if (outcome.state === "checked") {
    const checked = outcome.report.validation;
    if (outcome.bytes !== null) source = { kind: "checked-bytes", bytes: outcome.bytes };
    else if (excel !== null && excel.canReadSavedFile)
      source = { kind: "saved-workbook", read: () => checkSavedFile(excel.readSavedFile, checked, config) };
  }

  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <main className={styles.root} data-testid="pane" data-mode={props.host.mode}>
        <div className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            {text.title}
          </Text>
          <Button
            size="small"
            data-testid="language"
            onClick={() => {
              const next = language === "vi" ? "en" : "vi";
              localStorage.setItem(LANGUAGE_KEY, next);
              setLanguage(next);
            }}
          >
            {text.language}
          </Button>
        </div>
        {configError ? (
          <MessageBar intent="warning">
            <MessageBarBody>{text.configError(configError[language])}</MessageBarBody>
          </MessageBar>
        ) : null}
        <DeadlineBanner
          statuses={deadlineStatuses(
            config,
            kind,
            now(),
            outcome.state === "checked" ? (outcome.report.validation.period?.period ?? null) : null,
          )}
          text={text}
        />
        {config.submission === undefined ? (
          <Settings
            text={text}
            overrides={overrides}
            onChange={(next) => {
              localStorage.setItem(OVERRIDES_KEY, JSON.stringify(next));
              setOverrides(next);
            }}
          />
        ) : (
          <Text block size={200} data-testid="settings-by-province">
            {text.settingsByProvince}
          </Text>
        )}
        {props.host.mode === "excel" && excel === null ? (
          <MessageBar intent="warning" data-testid="old-excel">
            <MessageBarBody>{text.oldExcel}</MessageBarBody>
          </MessageBar>
        ) : null}
        {recognition ? <RecognitionLine recognition={recognition} text={text} template={template} /> : null}
        {excel !== null ? (
          <div className={styles.actions}>
            <Button appearance="primary" data-testid="check" onClick={() => void checkWorkbook()}>
              {text.check}
            </Button>
            <Button
              data-testid="mark"
              disabled={problems.length === 0}
              onClick={() =>
                run(async () => {
                  const result = await excel.mark(problems);
                  const skipped = result.skipped.length > 0 ? ` ${text.skippedSheets(result.skipped)}` : "";
                  return `${text.marked(result.marked)}${skipped}`;
                })
              }
            >
              {text.mark}
            </Button>
            <Button
              data-testid="unmark"
              onClick={() =>
                run(async () => {
                  const result = await excel.unmark();
                  const skipped = result.skipped.length > 0 ? ` ${text.skippedSheets(result.skipped)}` : "";
                  return `${text.unmarked(result.removed)}${skipped}`;
                })
              }
            >
              {text.unmark}
            </Button>
          </div>
        ) : (
          <>
            <FilePicker text={text} onFile={(file) => void checkFile(file)} />
            {recognition === null ? template : null}
          </>
        )}
        <div role="status" aria-live="polite">
          {notice ? <Text data-testid="notice">{notice}</Text> : null}
        </div>
        {outcome.state === "busy" ? <Spinner label={text.checking} /> : null}
        {outcome.state === "failed" ? (
          <MessageBar intent="error">
            <MessageBarBody>{text.failed(outcome.message)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome.state === "refused" ? (
          <MessageBar intent="error" data-testid="refused" data-code={outcome.problem.code}>
            <MessageBarBody>
              <MessageBarTitle>{text.refused}.</MessageBarTitle>{" "}
              {outcome.file ? `${text.fileName(outcome.file)}. ` : ""}
              {problemText(outcome.problem, language)}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome.state === "checked" ? (
          <>
            {outcome.file ? <Text>{text.fileName(outcome.file)}</Text> : null}
            {excel !== null && !excel.canReadSavedFile && config.submission !== undefined ? (
              <MessageBar intent="info" data-testid="send-elsewhere">
                <MessageBarBody>{text.cannotSendFromThisExcel}</MessageBarBody>
              </MessageBar>
            ) : null}
            <SendPanel
              key={outcome.check}
              report={outcome.report}
              source={source}
              hostMode={props.host.mode}
              config={config}
              language={language}
              text={text}
              now={now}
            />
            <Results
              report={outcome.report}
              language={language}
              text={text}
              onSelect={
                excel === null
                  ? null
                  : (problem) =>
                      run(async () => {
                        const outcome = await excel.select(problem);
                        return outcome === "selected" ? "" : text.moved[outcome](problem.sheet ?? "");
                      })
              }
            />
          </>
        ) : null}
      </main>
    </FluentProvider>
  );
}
