/**
 * Files a user fetches to use a downloaded model elsewhere, served without a key because they hold no tenant data:
 * the single-file PyTorch loader ({@code GET /clients/spikelot_torch.py}) and the JSON Schema of {@code model.json}
 * ({@code GET /schemas/model.schema.json}), both as shared-model ships them on the class path. Depends on the shared
 * model only.
 */
package io.spikelot.api.client;
