package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartRangesTest {

    @Test
    void aClosedRangeInsideTheCompleteFragmentsIsServed() {
        assertThat(PartRanges.parse("bytes=0-99", 1000)).containsExactly(0, 99);
        assertThat(PartRanges.parse("bytes=100-999", 1000)).containsExactly(100, 999);
    }

    @Test
    void anOpenOrLongerRangeIsCutToTheCompleteFragments() {
        assertThat(PartRanges.parse("bytes=500-", 1000)).containsExactly(500, 999);
        assertThat(PartRanges.parse("bytes=500-5000", 1000)).containsExactly(500, 999);
    }

    @Test
    void rangesBeyondTheCompleteBytesSuffixesAndListsAreLeftToTheNextStep() {
        assertThat(PartRanges.parse("bytes=1000-1099", 1000)).isNull();
        assertThat(PartRanges.parse("bytes=-100", 1000)).isNull();
        assertThat(PartRanges.parse("bytes=0-1,5-9", 1000)).isNull();
        assertThat(PartRanges.parse("items=0-1", 1000)).isNull();
        assertThat(PartRanges.parse("bytes=9-3", 1000)).isNull();
        assertThat(PartRanges.parse("bytes=0-1", 0)).isNull();
    }
}
