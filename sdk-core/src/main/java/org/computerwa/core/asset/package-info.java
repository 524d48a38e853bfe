/**
 * Compute assets and the sites that power them: {@link org.computerwa.core.asset.ComputeAsset}
 * with its device spec ({@link org.computerwa.core.asset.GpuSpec} or
 * {@link org.computerwa.core.asset.AsicSpec}) and {@link org.computerwa.core.asset.Site}.
 *
 * <pre>{@code
 * ComputeAsset asset = ComputeAsset.builder()
 *     .id("gpu-node-001")
 *     .kind(AssetKind.GPU_NODE)
 *     .owner(Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
 *     .site(site)
 *     .gpu(GpuSpec.builder().model("H100 SXM").count(8).memoryGib(80)
 *         .boardPowerWatts(700).denseBf16Tflops(new BigDecimal("989.4")).build())
 *     .capacityUnits(8)
 *     .status(AssetStatus.ACTIVE)
 *     .build();
 * Bytes32 hash = asset.specHash(); // keccak-256 of the RFC 8785 canonical spec JSON
 * }</pre>
 */
@NullMarked
package org.computerwa.core.asset;

import org.jspecify.annotations.NullMarked;
