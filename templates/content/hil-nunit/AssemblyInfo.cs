using Openterface.Hil.NUnit;

// Every test in this assembly writes an Allure result (reports/allure-results, or HIL_ALLURE_RESULTS).
[assembly: HilAllure]
