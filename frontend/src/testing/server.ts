import { setupServer } from "msw/node";
import { defaultHandlers } from "./handlers";

/** The API, mocked at the network layer for every unit test. */
export const server = setupServer(...defaultHandlers);
