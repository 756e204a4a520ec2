import { createRoot } from "react-dom/client";
import { App } from "./app";
import { detectHost } from "./host";

/** config.json beside the pane (same schema as thidua.config.json); none is fine. */
async function loadConfigFile(): Promise<unknown> {
  try {
    const response = await fetch("config.json", { cache: "no-cache" });
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

async function start(): Promise<void> {
  const [host, configFile] = await Promise.all([detectHost(), loadConfigFile()]);
  const container = document.getElementById("root");
  if (container === null) throw new Error("taskpane.html has no #root");
  createRoot(container).render(<App host={host} configFile={configFile} />);
}

void start();
