using Openterface.Hil.NUnit.TestData;

// Modes (used by Openterface.Hil.NUnit.Tests):
//   run RESULTS_DIR [CATEGORY] [NAME=VALUE...]
//                                  run this assembly's tests with NUnit in-process, Allure results into RESULTS_DIR,
//                                  NAME=VALUE as extra test parameters (as a .runsettings file would give them)
//   hold-lease LEASE_DIR RIG       lease RIG from a one-rig pool, print "LEASED", then wait to be killed
//   write-results RESULTS_DIR      write results with attachments in a loop, print "WRITING" after the first
return args switch
{
    ["run", var results, .. var rest] => InProcessRunner.Run(results, rest.FirstOrDefault(), rest.Skip(1)),
    ["hold-lease", var leases, var rig] => await ChildModes.HoldLeaseAsync(leases, rig),
    ["write-results", var results] => ChildModes.WriteResults(results),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: run RESULTS_DIR [CATEGORY] [NAME=VALUE...] | hold-lease LEASE_DIR RIG | write-results RESULTS_DIR");
    return 2;
}
