import { useEffect, useState, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { detectHost, whenOfficeLate, type PaneHost } from "./host";

// The inline ES5 script of taskpane.html shows its "cannot run here" message unless this ran.
(window as { thiduaStarted?: boolean }).thiduaStarted = true;

/** config.json beside the pane (same schema as thidua.config.json); none is fine. */
async function loadConfigFile(): Promise<unknown> {
  try {
    const response = await fetch("config.json", { cache: "no-cache" });
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

/** The pane, switched to Excel mode if Office answers after the standalone verdict. */
function Root(props: { host: PaneHost; configFile: unknown }): ReactElement {
  const [host, setHost] = useState(props.host);
  useEffect(() => (host.mode === "standalone" ? whenOfficeLate(setHost) : undefined), [host.mode]);
  return <App host={host} configFile={props.configFile} />;
}

async function start(): Promise<void> {
  const [host, configFile] = await Promise.all([detectHost(), loadConfigFile()]);
  const container = document.getElementById("root");
  if (container === null) throw new Error("taskpane.html has no #root");
  createRoot(container).render(<Root host={host} configFile={configFile} />);
}

void start();
