/**
 * The device agent: turns what a GPU server reports about itself into signed usage statements,
 * with no chain client and nothing beyond {@code sdk-core}.
 *
 * <p>Readers turn vendor output into {@link org.computerwa.core.evidence.device.GpuSample}s:
 * {@link org.computerwa.core.evidence.device.NvidiaSmiCsv} reads {@code nvidia-smi --query-gpu=...
 * --format=csv} output, {@link org.computerwa.core.evidence.device.DcgmExposition} reads the
 * Prometheus text that NVIDIA's DCGM exporter serves. A
 * {@link org.computerwa.core.evidence.device.UsageSampler} turns the samples of one period into a
 * {@link org.computerwa.core.evidence.device.UsageSummary} (availability, GPU-hours, energy) whose
 * statements the device signs; the site batches them with
 * {@link org.computerwa.core.evidence.StatementBatch}.
 *
 * <pre>{@code
 * List<GpuSample> samples = NvidiaSmiCsv.read(csvText, ZoneOffset.UTC);
 * UsageSummary summary = UsageSampler.builder()
 *     .assetId(BigInteger.ONE)
 *     .device(deviceKey.address())
 *     .period(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-28T01:00:00Z"))
 *     .sampleInterval(Duration.ofSeconds(10))
 *     .gapTolerance(2)
 *     .gpus(Set.of("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52"))
 *     .build()
 *     .summarize(samples);
 * List<SignedUsageStatement> signed = summary.sign(deviceKey, UsageStatement.domain(chainId, anchor));
 * }</pre>
 *
 * <p>The rule every computation here keeps: time that no sample vouches for is downtime, never
 * uptime.
 */
@NullMarked
package org.computerwa.core.evidence.device;

import org.jspecify.annotations.NullMarked;
