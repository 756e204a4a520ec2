import type { SendMessage } from "../../core/index";

/**
 * Sign-in stopped for a reason the officer can act on, other than "signed out" (a token source answers
 * null for that) or "offline" (MSAL's network errors go up as they are): the send says this message.
 */
export class SignInProblem extends Error {
  constructor(readonly sendMessage: SendMessage) {
    super(sendMessage.code);
    this.name = "SignInProblem";
  }
}
