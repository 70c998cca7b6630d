// Preloaded into a server for a test (node --require): its clock starts at SCR_TEST_CLOCK, a local
// date and time such as 2016-02-14T23:59:58, and runs on in real time from there.
const RealDate = Date;
const offset = new RealDate(process.env.SCR_TEST_CLOCK).getTime() - RealDate.now();
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate;
