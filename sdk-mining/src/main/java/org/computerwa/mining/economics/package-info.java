/**
 * Mining and AI-compute economics: hashprice, break-even power price and AI margin per MWh.
 *
 * <p>Units are part of every method name. Formulas:
 *
 * <ul>
 *   <li>hashprice [USD per (TH/s)·day] {@code = (S + F) · 86400 · 1e12 / (D · 2^32) · P}, with S the
 *       block subsidy and F the mean fees per block (BTC), D the difficulty and P the BTC price
 *       (USD/BTC);
 *   <li>break-even power price [USD/MWh] {@code = HP[USD/(PH/s)/day] · 1e3 / (24 · e[J/TH])},
 *       equivalently {@code HP[USD/(TH/s)/day] · 1e6 / (24 · e)};
 *   <li>AI margin before power [USD/MWh] {@code = p_gpu[USD/GPU-h] · GPUs per MW − opex[USD per
 *       MW-h]}.
 * </ul>
 */
@NullMarked
package org.computerwa.mining.economics;

import org.jspecify.annotations.NullMarked;
