import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import {
  decideSend,
  formatSendMessage,
  sendDecisionMessage,
  type Language,
  type MovementConfig,
  type SendMessage,
  type SendReceipt,
} from "../../core/index";
import type { CheckReport } from "./check";
import { lastReceipt, parseSubmissionFolder, rememberReceipt, sendFile, sendSetupProblem } from "./send";
import { paneTokenSource } from "./sign-in";
import type { PaneStrings } from "./strings";

type Phase =
  | { readonly step: "idle" }
  | { readonly step: "ask-warnings"; readonly message: SendMessage }
  | { readonly step: "ask-replace"; readonly message: SendMessage }
  | { readonly step: "sending"; readonly progress: SendMessage | null }
  | { readonly step: "failed"; readonly message: SendMessage }
  | { readonly step: "sent"; readonly receipt: SendReceipt };

/**
 * "Gửi Sở Nội vụ" after a check: the core decides (errors refuse, warnings ask once, late is said),
 * this only lays the decision out and sends the checked bytes (standalone: the dropped file's).
 */
export function SendPanel(props: {
  report: CheckReport;
  /** The bytes that were checked; null where the pane cannot send them yet (Excel mode). */
  bytes: Uint8Array | null;
  config: MovementConfig;
  language: Language;
  text: PaneStrings;
  now: () => number;
}): ReactElement | null {
  const { report, config, language, text, bytes } = props;
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [warningsConfirmed, setWarningsConfirmed] = useState(false);
  const [copied, setCopied] = useState(false);
  if (bytes === null) return null;
  const say = (message: SendMessage) => formatSendMessage(message, language);
  const setup = sendSetupProblem(config.submission);
  // Made once per page: MSAL's client, which also takes a redirect sign-in's answer on its way back.
  const tokens = config.submission === undefined ? null : paneTokenSource(config.submission).source;
  const decision = decideSend({
    result: report.validation,
    config,
    now: props.now(),
    // The bytes sent are the very bytes the check read.
    bytesMatchChecked: true,
    warningsConfirmed,
  });
  const target =
    decision.action === "send" || decision.action === "confirm-warnings" ? decision.target : null;
  const remembered = target === null ? null : lastReceipt(localStorage, target);

  const send = async (replace: boolean) => {
    if (decision.action !== "send" || config.submission === undefined) return;
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
      decision.target,
      bytes,
      { replace, deadline: decision.deadline },
    );
    if (outcome.status === "sent") {
      rememberReceipt(localStorage, decision.target, outcome.receipt);
      setPhase({ step: "sent", receipt: outcome.receipt });
    } else if (outcome.status === "exists") setPhase({ step: "ask-replace", message: outcome.message });
    else setPhase({ step: "failed", message: outcome.message });
  };

  const disabledReason = setup ?? (decision.action === "refuse" ? sendDecisionMessage(decision) : null);
  const onSend = () => {
    if (decision.action === "confirm-warnings")
      setPhase({ step: "ask-warnings", message: sendDecisionMessage(decision) });
    else void send(false);
  };

  return (
    <section data-testid="send" aria-label={text.send}>
      <Button
        appearance="primary"
        data-testid="send-button"
        disabled={disabledReason !== null || phase.step === "sending"}
        aria-describedby="send-reason"
        onClick={onSend}
      >
        {phase.step === "sending" ? text.sending : text.send}
      </Button>
      <div id="send-reason" role="status" aria-live="polite">
        {disabledReason !== null ? (
          <Text block data-testid="send-reason" data-code={disabledReason.code}>
            {say(disabledReason)}
          </Text>
        ) : decision.action === "send" || decision.action === "save-first" ? (
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
            <Button
              data-testid="send-confirm"
              onClick={() => {
                if (phase.step === "ask-warnings") {
                  setWarningsConfirmed(true);
                  setPhase({ step: "idle" });
                } else void send(true);
              }}
            >
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
