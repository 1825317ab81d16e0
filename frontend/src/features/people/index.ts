// What residents' features may use of people (the back-office pages are in admin.ts).
export { personName } from "./personName";
