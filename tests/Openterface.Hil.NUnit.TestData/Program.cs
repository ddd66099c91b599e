using Openterface.Hil.NUnit.TestData;

// Modes (used by Openterface.Hil.NUnit.Tests):
//   run RESULTS_DIR [CATEGORY]     run this assembly's tests with NUnit in-process, Allure results into RESULTS_DIR
//   hold-lease LEASE_DIR RIG       lease RIG from a one-rig pool, print "LEASED", then wait to be killed
//   write-results RESULTS_DIR      write results with attachments in a loop, print "WRITING" after the first
return args switch
{
    ["run", var results, .. var rest] => InProcessRunner.Run(results, rest.FirstOrDefault()),
    ["hold-lease", var leases, var rig] => await ChildModes.HoldLeaseAsync(leases, rig),
    ["write-results", var results] => ChildModes.WriteResults(results),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: run RESULTS_DIR [CATEGORY] | hold-lease LEASE_DIR RIG | write-results RESULTS_DIR");
    return 2;
}
