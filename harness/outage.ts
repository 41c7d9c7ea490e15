// placeholder: written by the lead; see harness/test.ts `outage` fixture
