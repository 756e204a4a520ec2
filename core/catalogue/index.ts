export * from "./types";
export * from "./unit-types";
export * from "./contents";
export * from "./criteria";
export * from "./awards";
export * from "./indicators";
export * from "./schedule";
export * from "./bounds";
