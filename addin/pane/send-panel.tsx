import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import {
  decideSend,
  formatSendMessage,
  sendDecisionMessage,
  type Language,
  type MovementConfig,
  type SendDecision,
  type SendMessage,
  type SendReceipt,
} from "../../core/index";
import type { CheckReport } from "./check";
import { holdsCheckedDocument, type SavedFileCheck } from "./saved-file";
import { lastReceipt, parseSubmissionFolder, rememberReceipt, sendFile, sendSetupProblem } from "./send";
import { paneTokenSource, type HostMode } from "./sign-in";
import type { PaneStrings } from "./strings";

type Phase =
  | { readonly step: "idle" }
  | { readonly step: "ask-warnings"; readonly message: SendMessage; readonly bytes: Uint8Array }
  | { readonly step: "ask-replace"; readonly message: SendMessage; readonly bytes: Uint8Array }
  | { readonly step: "sending"; readonly progress: SendMessage | null }
  | { readonly step: "failed"; readonly message: SendMessage }
  | { readonly step: "sent"; readonly receipt: SendReceipt };

/** Where the bytes to send come from. */
export type SendSource =
  /** Standalone: the dropped file's own bytes, the very ones the check read. */
  | { readonly kind: "checked-bytes"; readonly bytes: Uint8Array }
  /** Excel: the workbook as last saved, read at the click and compared with the check (saved-file.ts). */
  | { readonly kind: "saved-workbook"; readonly read: () => Promise<SavedFileCheck> };

/**
 * "Gửi Sở Nội vụ" after a check: the core decides (errors refuse, warnings ask once, late is said,
 * bytes that are not the checked ones ask to save first), this only lays the decision out and
 * sends the bytes of `source`.
 */
export function SendPanel(props: {
  report: CheckReport;
  /** What to send; null where the pane cannot send (nothing checked that can be sent). */
  source: SendSource | null;
  /** Excel or the standalone page, as the pane found it: it decides how the officer signs in. */
  hostMode: HostMode;
  config: MovementConfig;
  language: Language;
  text: PaneStrings;
  now: () => number;
}): ReactElement | null {
  const { report, config, language, text, source } = props;
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [warningsConfirmed, setWarningsConfirmed] = useState(false);
  // False once the saved workbook was found to differ from the check (Excel mode).
  const [bytesMatchChecked, setBytesMatchChecked] = useState(true);
  const [copied, setCopied] = useState(false);
  if (source === null) return null;
  const say = (message: SendMessage) => formatSendMessage(message, language);
  const setup = sendSetupProblem(config.submission);
  // Made once per page: MSAL's client, which also takes a redirect sign-in's answer on its way back.
  const tokens =
    config.submission === undefined ? null : paneTokenSource(config.submission, props.hostMode).source;
  const decide = (facts: { bytesMatchChecked: boolean; warningsConfirmed: boolean }) =>
    decideSend({ result: report.validation, config, now: props.now(), ...facts });
  const decision = decide({ bytesMatchChecked, warningsConfirmed });
  const target =
    decision.action === "send" || decision.action === "confirm-warnings" ? decision.target : null;
  const remembered = target === null ? null : lastReceipt(localStorage, target);

  const upload = async (
    sending: Extract<SendDecision, { action: "send" }>,
    bytes: Uint8Array,
    replace: boolean,
  ) => {
    if (config.submission === undefined) return;
    setPhase({ step: "sending", progress: null });
    const outcome = await sendFile(
      {
        endpoint: config.submission.graphEndpoint,
        token: () => tokens?.token() ?? Promise.resolve(null),
        refresh: () => tokens?.refresh() ?? Promise.resolve(null),
        onWait: (ms) =>
          setPhase({ step: "sending", progress: { code: "SEND_THROTTLED", seconds: Math.ceil(ms / 1000) } }),
      },
      parseSubmissionFolder(config.submission.folder),
      sending.target,
      bytes,
      {
        replace,
        deadline: sending.deadline,
        datedLate: sending.datedLate,
        holdsCheckedDocument: (stored) => holdsCheckedDocument(stored, report.validation, config),
      },
    );
    if (outcome.status === "sent") {
      rememberReceipt(localStorage, sending.target, outcome.receipt);
      setPhase({ step: "sent", receipt: outcome.receipt });
    } else if (outcome.status === "exists")
      setPhase({ step: "ask-replace", message: outcome.message, bytes });
    else setPhase({ step: "failed", message: outcome.message });
  };

  /** The bytes to send: Excel's saved file only when it is the checked workbook (null: stop here). */
  const obtainBytes = async (): Promise<Uint8Array | null> => {
    if (source.kind === "checked-bytes") return source.bytes;
    setPhase({ step: "sending", progress: null });
    const saved = await source.read();
    if (saved.status === "unreadable") {
      setPhase({ step: "failed", message: saved.message });
      return null;
    }
    setBytesMatchChecked(saved.status === "same");
    // "differs": the decision now says "save first", and nothing is sent.
    setPhase({ step: "idle" });
    return saved.status === "same" ? saved.bytes : null;
  };

  /**
   * One click: the bytes first (Excel: the saved file, checked again), then the core's decision on
   * them: ask about warnings once, keeping the bytes, so that "send anyway" sends at once.
   */
  const onSend = async () => {
    const bytes = await obtainBytes();
    if (bytes === null) return;
    const next = decide({ bytesMatchChecked: true, warningsConfirmed });
    if (next.action === "confirm-warnings")
      setPhase({ step: "ask-warnings", message: sendDecisionMessage(next), bytes });
    else if (next.action === "send") await upload(next, bytes, false);
  };

  const onConfirm = (asked: Extract<Phase, { step: "ask-warnings" | "ask-replace" }>) => {
    const replace = asked.step === "ask-replace";
    if (!replace) setWarningsConfirmed(true);
    const next = decide({ bytesMatchChecked: true, warningsConfirmed: true });
    if (next.action === "send") void upload(next, asked.bytes, replace);
  };

  const disabledReason = setup ?? (decision.action === "refuse" ? sendDecisionMessage(decision) : null);

  return (
    <section data-testid="send" aria-label={text.send}>
      <Button
        appearance="primary"
        data-testid="send-button"
        disabled={disabledReason !== null || phase.step === "sending"}
        aria-describedby="send-reason"
        onClick={() => void onSend()}
      >
        {phase.step === "sending" ? text.sending : text.send}
      </Button>
      <div id="send-reason" role="status" aria-live="polite">
        {disabledReason !== null ? (
          <Text block data-testid="send-reason" data-code={disabledReason.code}>
            {say(disabledReason)}
          </Text>
        ) : decision.action === "save-first" ? (
          <MessageBar intent="warning" data-testid="send-note" data-code="SEND_SAVE_FIRST">
            <MessageBarBody>{say(sendDecisionMessage(decision))}</MessageBarBody>
          </MessageBar>
        ) : decision.action === "send" ? (
          <Text block data-testid="send-note" data-code={sendDecisionMessage(decision).code}>
            {say(sendDecisionMessage(decision))}
          </Text>
        ) : null}
        {phase.step === "sending" && phase.progress !== null ? (
          <Text block data-testid="send-progress">
            {say(phase.progress)}
          </Text>
        ) : null}
      </div>
      {phase.step === "ask-warnings" || phase.step === "ask-replace" ? (
        <MessageBar intent="warning" data-testid="send-ask" data-code={phase.message.code}>
          <MessageBarBody>
            {say(phase.message)}{" "}
            <Button data-testid="send-confirm" onClick={() => onConfirm(phase)}>
              {phase.step === "ask-warnings" ? text.sendAnyway : text.replace}
            </Button>{" "}
            <Button data-testid="send-cancel" onClick={() => setPhase({ step: "idle" })}>
              {text.cancel}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.step === "failed" ? (
        <MessageBar intent="error" data-testid="send-failed" data-code={phase.message.code}>
          <MessageBarBody>{say(phase.message)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.step === "sent" ? (
        <MessageBar intent="success" data-testid="receipt" data-verdict={phase.receipt.verdict.verdict}>
          <MessageBarBody>
            <span data-testid="receipt-text">{say({ code: "SEND_RECEIPT", receipt: phase.receipt })}</span>{" "}
            <Button
              size="small"
              data-testid="copy-receipt"
              onClick={() => {
                void navigator.clipboard
                  ?.writeText(say({ code: "SEND_RECEIPT", receipt: phase.receipt }))
                  .then(() => setCopied(true));
              }}
            >
              {copied ? text.copied : text.copyReceipt}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : remembered !== null ? (
        <Text block data-testid="last-receipt">
          {text.lastReceipt} {say({ code: "SEND_RECEIPT", receipt: remembered })}
        </Text>
      ) : null}
    </section>
  );
}
