// Preloaded into a server for a test (node --require): its clock stands still at SCR_TEST_CLOCK, a
// local date and time such as 2016-02-14T23:59:58, until the process gets SIGUSR2; from then it
// runs on in real time. So however long the server takes to start, the test decides when the
// clock moves (TestClient.startClock).
const RealDate = Date;
const start = new RealDate(process.env.SCR_TEST_CLOCK).getTime();
let startedAt;
process.on('SIGUSR2', () => (startedAt ??= RealDate.now()));
const now = () => start + (startedAt === undefined ? 0 : RealDate.now() - startedAt);
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(now());
    else super(...args);
  }
  static now() {
    return now();
  }
}
globalThis.Date = ShiftedDate;
